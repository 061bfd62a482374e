package dev.leakhound.analysis.trend.eval;

import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.analysis.trend.TrendInput;
import dev.leakhound.analysis.trend.Verdict;
import dev.leakhound.analysis.trend.VerdictKind;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates the verdict engine on a labelled corpus the way a watcher would run it: at every
 * evaluation time (every 30 s to 5 min, 1/360 of the series' length) on the samples seen so far,
 * recording when it first says leak (and suspect), and compares it with {@link BaselineRules}.
 *
 * <p>Thread-safe (the analyzer is); a call costs a few hundred analyses per series.
 */
public final class CorpusEvaluator {
  /** The evaluation interval is at least this. */
  public static final double MIN_CADENCE_SECONDS = 30;

  /** And at most this. */
  public static final double MAX_CADENCE_SECONDS = 300;

  private final TrendAnalyzer analyzer;

  public CorpusEvaluator(TrendAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Evaluates every series and checks the targets. */
  public EvaluationReport evaluate(
      List<CorpusSeries> corpus, ProgressListener progress, CancelSignal cancel) {
    List<SeriesResult> rows = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      cancel.throwIfCancelled();
      progress.onProgress("evaluating series", i, corpus.size());
      rows.add(evaluate(corpus.get(i)));
    }
    progress.onProgress("evaluating series", corpus.size(), corpus.size());
    List<RuleSummary> rules =
        List.of(
            summary("leakhound", rows, SeriesResult::leakhound),
            summary("leakhound-suspect", rows, SeriesResult::suspect),
            summary("threshold-5m", rows, SeriesResult::threshold),
            summary("predict-linear-30m", rows, SeriesResult::predictLinear));
    return new EvaluationReport(rows, rules, targets(rows, rules));
  }

  /** Evaluates one series. */
  public SeriesResult evaluate(CorpusSeries s) {
    TrendInput in = s.input();
    int n = in.size();
    double start = n == 0 ? 0 : in.time(0);
    double end = n == 0 ? 0 : in.time(n - 1);
    double cadence = cadence(end - start);
    List<Double> leaks = new ArrayList<>();
    List<Double> suspects = new ArrayList<>();
    Verdict last = null;
    int evaluations = 0;
    int seen = 0;
    for (double at = start + cadence; n > 0; at += cadence) {
      double now = Math.min(at, end);
      int k = seen;
      while (k < n && in.time(k) <= now) {
        k++;
      }
      if (k > seen) {
        seen = k;
        last = analyzer.analyze(in.head(k));
        evaluations++;
        if (last.verdict() == VerdictKind.LEAK) {
          leaks.add(now);
        }
        if (last.verdict() == VerdictKind.LEAK || last.verdict() == VerdictKind.SUSPECT) {
          suspects.add(now);
        }
      }
      if (now >= end) {
        break;
      }
    }
    return new SeriesResult(
        s.name(),
        s.label().leak(),
        s.label().leak() ? s.label().relativeRatePerHour() : null,
        end - start,
        evaluations,
        RuleOutcome.of(s.label(), start, leaks),
        RuleOutcome.of(s.label(), start, suspects),
        RuleOutcome.of(s.label(), start, BaselineRules.thresholdAlerts(in)),
        RuleOutcome.of(s.label(), start, BaselineRules.predictLinearAlerts(in)),
        last == null ? VerdictKind.INSUFFICIENT_DATA.id() : last.verdict().id(),
        last == null ? "no samples" : last.reason());
  }

  /** The evaluation interval for a series of this length. */
  public static double cadence(double durationSeconds) {
    double c = Math.round(durationSeconds / 360 / 30) * 30.0;
    return Math.max(MIN_CADENCE_SECONDS, Math.min(MAX_CADENCE_SECONDS, c));
  }

  private static RuleSummary summary(
      String name, List<SeriesResult> rows, Function<SeriesResult, RuleOutcome> rule) {
    int leakSeries = 0;
    int detected = 0;
    int falseAlarms = 0;
    List<Double> all = new ArrayList<>();
    List<Double> found = new ArrayList<>();
    for (SeriesResult r : rows) {
      RuleOutcome o = rule.apply(r);
      if (o.falseAlarm()) {
        falseAlarms++;
      }
      if (r.leak()) {
        leakSeries++;
        if (o.detected()) {
          detected++;
          found.add(o.timeToDetectSeconds());
          all.add(o.timeToDetectSeconds());
        } else {
          all.add(Double.POSITIVE_INFINITY);
        }
      }
    }
    double precision =
        detected + falseAlarms == 0 ? 0 : (double) detected / (detected + falseAlarms);
    double recall = leakSeries == 0 ? 0 : (double) detected / leakSeries;
    return new RuleSummary(
        name,
        leakSeries,
        detected,
        falseAlarms,
        precision,
        recall,
        finite(median(all)),
        finite(median(found)));
  }

  private static EvaluationTargets targets(List<SeriesResult> rows, List<RuleSummary> rules) {
    List<String> falseLeaks = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    List<Double> engineBoth = new ArrayList<>();
    List<Double> thresholdBoth = new ArrayList<>();
    for (SeriesResult r : rows) {
      if (r.leakhound().falseAlarm()) {
        falseLeaks.add(r.name());
      }
      if (r.leak()
          && r.relativeRatePerHour() != null
          && r.relativeRatePerHour() >= EvaluationTargets.FAST_LEAK) {
        Double ttd = r.leakhound().timeToDetectSeconds();
        if (ttd == null || ttd > EvaluationTargets.FAST_DETECTION_SECONDS) {
          missed.add(r.name());
        }
      }
      if (r.leak() && r.leakhound().detected() && r.threshold().detected()) {
        engineBoth.add(r.leakhound().timeToDetectSeconds());
        thresholdBoth.add(r.threshold().timeToDetectSeconds());
      }
    }
    Double engine = rules.get(0).medianTimeToDetectSeconds();
    Double threshold = rules.get(2).medianTimeToDetectSeconds();
    Double ratio =
        engine == null ? Double.valueOf(0) : threshold == null ? null : threshold / engine;
    Double paired =
        engineBoth.isEmpty() ? null : median(thresholdBoth) / Math.max(1, median(engineBoth));
    boolean ratioMet =
        engine != null && (ratio == null || ratio >= EvaluationTargets.MEDIAN_FACTOR);
    return new EvaluationTargets(
        falseLeaks, missed, ratio, paired, falseLeaks.isEmpty() && missed.isEmpty() && ratioMet);
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int m = v.length;
    return (m & 1) == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
