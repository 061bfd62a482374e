package dev.leakhound.analysis.gctrace;

import dev.leakhound.analysis.trend.SignalKind;
import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.analysis.trend.TrendInput;
import dev.leakhound.analysis.trend.Verdict;
import java.util.Arrays;

/**
 * The live-heap judge backed by the verdict engine ({@link TrendAnalyzer}): the live heap after
 * each GC is already the floor ({@link SignalKind#HEAP_AFTER_GC}), so the engine judges it as it
 * stands, GOMEMLIMIT as the limit. Cycles that share a timestamp (gctrace prints milliseconds) keep
 * the last one, since the engine wants strictly increasing times.
 *
 * <p>Stateless and thread-safe when its analyzer is (the default one is). Cost: the engine's, O(n
 * log n) in the cycles.
 */
public final class TrendEngineJudge implements LiveHeapTrendJudge {
  private static final double MIB = 1048576.0;

  private final TrendAnalyzer analyzer;

  /** A judge with the engine's default options. */
  public TrendEngineJudge() {
    this(new TrendAnalyzer());
  }

  public TrendEngineJudge(TrendAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  @Override
  public LiveHeapTrend judge(
      double[] seconds, double[] liveBytes, double limitBytes, Figures figures) {
    int n = 0;
    double[] t = new double[seconds.length];
    double[] v = new double[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      if (n > 0 && !(seconds[i] > t[n - 1])) {
        v[n - 1] = liveBytes[i];
        continue;
      }
      t[n] = seconds[i];
      v[n] = liveBytes[i];
      n++;
    }
    TrendInput input =
        TrendInput.builder(SignalKind.HEAP_AFTER_GC, Arrays.copyOf(t, n), Arrays.copyOf(v, n))
            .limit(limitBytes > 0 ? limitBytes : Double.NaN)
            .build();
    Verdict verdict = analyzer.analyze(input);
    return new LiveHeapTrend(
        verdict.verdict().id(),
        verdict.confidence(),
        perMiB(verdict.slopePerHour()),
        perMiB(verdict.slopeLow()),
        perMiB(verdict.slopeHigh()),
        verdict.timeToLimitSeconds() == null ? null : round(verdict.timeToLimitSeconds() / 3600),
        verdict.reason(),
        TrendAnalyzer.class.getPackageName(),
        figures.points(),
        figures.firstMB(),
        figures.lastMB(),
        figures.minMB(),
        figures.maxMB());
  }

  private static Double perMiB(Double bytesPerHour) {
    return bytesPerHour == null ? null : round(bytesPerHour / MIB);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
