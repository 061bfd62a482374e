package dev.leakhound.cli.command;

import dev.leakhound.analysis.jvm.GcLogAnalysis;
import dev.leakhound.analysis.jvm.GcLogAnalyzer;
import dev.leakhound.analysis.jvm.GcLogTextRenderer;
import dev.leakhound.analysis.jvm.TrendFloorJudge;
import dev.leakhound.analysis.trend.TrendOptions;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.formats.io.Inputs;
import dev.leakhound.formats.jvm.GcLog;
import dev.leakhound.formats.jvm.GcLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin TextOrJsonOutput out;

  @Option(
      names = "--fail-on-leak",
      description = "Exit with 3 when the verdict on the heap after GC is 'leak'.")
  boolean failOnLeak;

  @Option(
      names = "--warm-up",
      paramLabel = "DURATION",
      description =
          "Skipped at the start of the log before the floor is judged, e.g. 90s, 5m (default:"
              + " 5m, the verdict engine's).")
  String warmUp;

  @Override
  public Integer call() throws IOException {
    GcLog log;
    try (InputStream in = Inputs.open(file)) {
      log = GcLogReader.read(Inputs.displayName(file), in);
    }
    GcLogAnalysis analysis =
        GcLogAnalyzer.analyze(Inputs.displayName(file), log, new TrendFloorJudge(options()));
    out.write(new GcLogTextRenderer(), analysis);
    return failOnLeak && analysis.leakFound() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }

  private TrendOptions options() {
    return WarmUp.options(warmUp);
  }
}
