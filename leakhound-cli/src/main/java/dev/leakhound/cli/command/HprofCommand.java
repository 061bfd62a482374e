package dev.leakhound.cli.command;

import dev.leakhound.analysis.heap.HeapDumpAnalyzer;
import dev.leakhound.analysis.heap.HeapReport;
import dev.leakhound.analysis.heap.HeapReportTextRenderer;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.TerminalProgress;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound hprof FILE}: dominators, retained sizes, leak suspects and their paths. */
@Command(
    name = "hprof",
    description =
        "Analyse a JVM heap dump: histogram, dominators, retained sizes, leak suspects with"
            + " their path to a GC root.",
    mixinStandardHelpOptions = true,
    subcommands = {HprofDiffCommand.class})
public final class HprofCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "0..1", description = "An hprof dump (gzip allowed).")
  String file;

  @Mixin TextOrJsonOutput out;

  @Option(
      names = "--show-values",
      description =
          "Print string and primitive-array contents on paths (off: they hold user data).")
  boolean showValues;

  @Option(
      names = "--top",
      defaultValue = "20",
      description = "How many dominators to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--suspect-share",
      defaultValue = "10",
      description =
          "Percent of the reachable heap an object or class must retain to be a suspect"
              + " (default: ${DEFAULT-VALUE}).")
  double suspectShare;

  @Option(
      names = "--histogram-only",
      description =
          "Only the class histogram and GC roots: one streaming pass, no dominators or suspects.")
  boolean histogramOnly;

  @Option(names = "--fail-on-leak", description = "Exit 3 when a leak suspect is found.")
  boolean failOnLeak;

  @Override
  public Integer call() throws Exception {
    if (file == null) {
      throw new UsageException("hprof needs a FILE (or 'hprof diff BASE CURRENT')");
    }
    HeapDumpAnalyzer.Options options = options(top, showValues, suspectShare);
    HeapReport report;
    if (histogramOnly) {
      try (DumpFile dump = DumpFile.of(file)) {
        report =
            HeapDumpAnalyzer.histogram(
                dump.path(), dump.name(), options, progress(), CancelSignal.NEVER);
      }
    } else {
      report = analyze(file, options);
    }
    out.write(new HeapReportTextRenderer(), report);
    return failOnLeak && !report.suspects().isEmpty() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }

  static HeapDumpAnalyzer.Options options(int top, boolean showValues, double sharePercent) {
    if (top < 1 || sharePercent <= 0 || sharePercent > 100) {
      throw new UsageException("--top must be at least 1 and --suspect-share in (0, 100]");
    }
    return new HeapDumpAnalyzer.Options(top, 30, showValues, sharePercent / 100);
  }

  /** Analyses a file, or standard input copied to a temporary file (the analysis reads thrice). */
  static HeapReport analyze(String file, HeapDumpAnalyzer.Options options) throws Exception {
    try (DumpFile dump = DumpFile.of(file)) {
      return HeapDumpAnalyzer.analyze(
          dump.path(), dump.name(), options, progress(), CancelSignal.NEVER);
    }
  }

  /**
   * A bar on a terminal; with {@code LEAKHOUND_PROGRESS=log}, one line per step with the elapsed
   * time on standard error (what bench/hprof.sh uses to time the phases).
   */
  static ProgressListener progress() {
    if (!"log".equals(System.getenv("LEAKHOUND_PROGRESS"))) {
      return TerminalProgress.forConsole();
    }
    long start = System.nanoTime();
    String[] last = {""};
    return (step, done, total) -> {
      if (!step.equals(last[0])) {
        last[0] = step;
        System.err.printf("%8.2fs %s%n", (System.nanoTime() - start) / 1e9, step);
      }
    };
  }
}
