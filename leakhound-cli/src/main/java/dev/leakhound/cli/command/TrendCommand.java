package dev.leakhound.cli.command;

import dev.leakhound.analysis.trend.Quantities;
import dev.leakhound.analysis.trend.SignalKind;
import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.analysis.trend.TrendInput;
import dev.leakhound.analysis.trend.TrendInputs;
import dev.leakhound.analysis.trend.TrendOptions;
import dev.leakhound.analysis.trend.Verdict;
import dev.leakhound.analysis.trend.VerdictTextRenderer;
import dev.leakhound.analysis.trend.eval.CorpusEvaluator;
import dev.leakhound.analysis.trend.eval.CorpusReader;
import dev.leakhound.analysis.trend.eval.EvaluationReport;
import dev.leakhound.analysis.trend.eval.EvaluationTextRenderer;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.TerminalProgress;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.csv.CsvSeries;
import dev.leakhound.formats.csv.CsvSeriesReader;
import dev.leakhound.formats.progress.CancelSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound trend}: Decide whether a memory series leaks: verdict, growth per hour, time to
 * the limit. With {@code --evaluate DIR}, measures the verdict engine and two alert rules on a
 * labelled corpus.
 */
@Command(
    name = "trend",
    description = {
      "Decide whether a memory series leaks: verdict, growth per hour, time to the limit.",
      "With --evaluate DIR, measure the verdict engine against two alert rules on a labelled"
          + " corpus (precision, recall, time to detect).",
    },
    mixinStandardHelpOptions = true)
public final class TrendCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE.csv",
      arity = "0..1",
      description =
          "A CSV with a header, a time column (unix seconds) and signal columns; '-' reads"
              + " standard input.")
  String file;

  @Option(
      names = "--column",
      paramLabel = "NAME",
      description = "The signal column to judge (default: heap_after_gc or the best floor found).")
  String column;

  @Option(
      names = "--load-column",
      paramLabel = "NAME",
      description =
          "A cumulative request counter column for the load guard (default: requests_total or"
              + " requests when present).")
  String loadColumn;

  @Option(
      names = "--limit",
      paramLabel = "BYTES",
      description =
          "The memory limit (GOMEMLIMIT, -Xmx, cgroup), e.g. 536870912, 512MiB, 2GB; default: a"
              + " limit column when present.")
  String limit;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "What the column measures: heap_after_gc, live_heap, next_gc, old_gen_after_gc, rss,"
              + " goroutines, threads, fds, instances (default: guessed from the column name).")
  String kind;

  @Option(
      names = "--warm-up",
      paramLabel = "DURATION",
      description = "Skipped after each process start, e.g. 90s, 5m (default: 5m).")
  String warmUp;

  @Option(
      names = "--evaluate",
      paramLabel = "DIR",
      description =
          "Evaluate on a labelled corpus: every subdirectory with signals.csv and"
              + " label.properties (see testdata/trend-corpus).")
  Path evaluate;

  @Option(names = "--fail-on-leak", description = "Exit with code 3 when the verdict is leak.")
  boolean failOnLeak;

  @Mixin TextOrJsonOutput out;

  @Override
  public Integer call() throws Exception {
    TrendAnalyzer analyzer = new TrendAnalyzer(options());
    if (evaluate != null) {
      if (file != null) {
        throw new UsageException("give either FILE.csv or --evaluate DIR, not both");
      }
      if (!Files.isDirectory(evaluate)) {
        throw new UsageException("--evaluate needs a directory: " + evaluate);
      }
      EvaluationReport report =
          new CorpusEvaluator(analyzer)
              .evaluate(
                  new CorpusReader().read(evaluate),
                  TerminalProgress.forConsole(),
                  CancelSignal.NEVER);
      out.write(new EvaluationTextRenderer(), report);
      return ExitCodes.OK;
    }
    if (file == null) {
      throw new UsageException("a FILE.csv (or --evaluate DIR) is required");
    }
    CsvSeries csv = new CsvSeriesReader().read(file);
    String signal = column == null ? TrendInputs.defaultColumn(csv) : column(csv, column);
    String load = loadColumn == null ? TrendInputs.defaultLoadColumn(csv) : column(csv, loadColumn);
    TrendInput input = TrendInputs.fromCsv(csv, signal, signalKind(), load, limitBytes());
    Verdict verdict = analyzer.analyze(input);
    out.write(new VerdictTextRenderer(), verdict);
    return failOnLeak && verdict.isLeak() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }

  private TrendOptions options() {
    return WarmUp.options(warmUp);
  }

  private SignalKind signalKind() {
    if (kind == null) {
      return null;
    }
    SignalKind k = SignalKind.byId(kind);
    if (k == null) {
      throw new UsageException(
          "--kind: unknown kind '"
              + kind
              + "' (known: "
              + Arrays.stream(SignalKind.values())
                  .map(SignalKind::id)
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return k;
  }

  private double limitBytes() {
    if (limit == null) {
      return Double.NaN;
    }
    try {
      return Quantities.parseBytes(limit);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--limit: " + e.getMessage());
    }
  }

  private static String column(CsvSeries csv, String name) {
    if (!csv.hasColumn(name)) {
      throw new UsageException(
          "no column '"
              + name
              + "' in "
              + csv.source()
              + "; its columns are: "
              + String.join(", ", csv.columns())
              + " (time: "
              + csv.timeColumn()
              + ")");
    }
    return csv.canonicalName(name);
  }
}
