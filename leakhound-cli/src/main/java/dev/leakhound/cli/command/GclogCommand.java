package dev.leakhound.cli.command;

import dev.leakhound.analysis.jvm.GcLogAnalysis;
import dev.leakhound.analysis.jvm.GcLogAnalyzer;
import dev.leakhound.analysis.jvm.GcLogTextRenderer;
import dev.leakhound.analysis.jvm.HeapFloorJudge;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.Output;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.io.Inputs;
import dev.leakhound.formats.jvm.GcLog;
import dev.leakhound.formats.jvm.GcLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound gclog FILE}: pause statistics, the heap after GC with its verdict, and tuning
 * advice from a JVM unified GC log.
 */
@Command(
    name = "gclog",
    description = {
      "Read a JVM unified GC log (-Xlog:gc*, JDK 9+; G1, Parallel, Serial, ZGC, Shenandoah):"
          + " pause statistics by type and cause, the heap after GC and its verdict, tuning"
          + " advice.",
      "Log with times to get a verdict: -Xlog:gc*:file=gc.log:time,uptime,level,tags.",
    },
    mixinStandardHelpOptions = true)
public final class GclogCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A -Xlog:gc* log; '-' for standard input.")
  String file;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--fail-on-leak",
      description = "Exit with 3 when the verdict on the heap after GC is 'leak'.")
  boolean failOnLeak;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    Renderer<GcLogAnalysis> renderer =
        switch (format) {
          case text -> new GcLogTextRenderer();
          case json -> new JsonRenderer<>();
          default -> throw new UsageException("gclog writes --format text or json, not " + format);
        };
    GcLog log;
    try (InputStream in = Inputs.open(file)) {
      log = GcLogReader.read(Inputs.displayName(file), in);
    }
    GcLogAnalysis analysis =
        GcLogAnalyzer.analyze(Inputs.displayName(file), log, HeapFloorJudge.UNAVAILABLE);
    Output.write(renderer, analysis, output);
    return failOnLeak && analysis.leakFound() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }
}
