package dev.leakhound.cli.command;

import dev.leakhound.analysis.goroutine.GoroutineAnalyzer;
import dev.leakhound.analysis.goroutine.GoroutineReport;
import dev.leakhound.analysis.goroutine.GoroutineTextRenderer;
import dev.leakhound.analysis.goroutine.SuspectRules;
import dev.leakhound.analysis.source.SourceFiles;
import dev.leakhound.analysis.source.SourceLines;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.TerminalProgress;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.goroutine.GoroutineDump;
import dev.leakhound.formats.goroutine.GoroutineDumpReader;
import dev.leakhound.formats.progress.CancelSignal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound goroutines}: Group goroutine dumps by stack and name the ones that pile up
 * blocked.
 */
@Command(
    name = "goroutines",
    description = {
      "Group goroutine dumps by stack and name the ones that pile up blocked.",
      "Give several dumps of one process, oldest first, to see which groups grow; a"
          + " goroutineleak profile (debug=1 or proto) given next to them marks the groups it lists.",
    },
    mixinStandardHelpOptions = true)
public final class GoroutinesCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Goroutine dumps (debug=2, debug=1, proto; goroutine or goroutineleak), oldest"
              + " first; '-' for stdin.")
  List<String> files;

  @Mixin TextOrJsonOutput out;

  @Option(names = "--fail-on-leak", description = "Exit with 3 when a group is a leak suspect.")
  boolean failOnLeak;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description =
          "Where the program's Go sources are (repeatable): the line a group waits on and its"
              + " function's signature help name the pattern. Paths as the dump prints them are"
              + " tried too.")
  List<Path> sourceRoots = new ArrayList<>();

  @Option(
      names = "--min-count",
      defaultValue = "50",
      description =
          "Goroutines blocked long at one site that make a suspect (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(
      names = "--min-wait",
      defaultValue = "10",
      paramLabel = "MINUTES",
      description = "How long they must have waited (default: ${DEFAULT-VALUE}).")
  int minWait;

  @Option(
      names = "--min-growth",
      defaultValue = "10",
      description =
          "Growth from the first dump to the last that makes a suspect (default: ${DEFAULT-VALUE}).")
  int minGrowth;

  @Override
  public Integer call() throws IOException {
    if (minCount < 1 || minWait < 0 || minGrowth < 1) {
      throw new UsageException("--min-count and --min-growth must be >= 1, --min-wait >= 0");
    }
    if (files.stream().filter("-"::equals).count() > 1) {
      throw new UsageException("standard input ('-') can be given once");
    }
    GoroutineDumpReader reader =
        new GoroutineDumpReader(TerminalProgress.forConsole(), CancelSignal.NEVER);
    List<GoroutineDump> dumps = new ArrayList<>();
    for (String file : files) {
      dumps.add(reader.read(file));
    }
    SourceLines source = SourceFiles.under(sourceRoots);
    GoroutineReport report =
        new GoroutineAnalyzer(new SuspectRules(minCount, minWait, minGrowth), source)
            .analyze(dumps);
    out.write(new GoroutineTextRenderer(), report);
    return failOnLeak && report.hasSuspects() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }
}
