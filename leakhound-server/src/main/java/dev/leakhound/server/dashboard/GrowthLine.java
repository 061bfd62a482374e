package dev.leakhound.server.dashboard;

import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.store.SeriesData;
import java.util.Arrays;

/**
 * Places a verdict's fitted slope on the chart: the verdict says how steep the growth is (the
 * Theil-Sen slope and its interval) but not where the line lies, so this takes the Theil-Sen
 * intercept of the judged samples (the median of {@code v - slope * t}) and anchors the line, and
 * the band of the low and high slopes, at the samples' median time.
 *
 * <p>Stateless and thread-safe. Cost: O(n log n) in the samples.
 */
public final class GrowthLine {
  private static final double HOUR = 3_600_000.0;

  private GrowthLine() {}

  /** The fit of {@code verdict} over {@code samples} (those it judged), or null when none. */
  public static DashboardViews.Fit of(SignalVerdict verdict, SeriesData samples) {
    if (verdict == null || samples.isEmpty() || !finite(verdict.growthPerHour())) {
      return null;
    }
    double slope = verdict.growthPerHour();
    long origin = samples.t()[0];
    int n = samples.size();
    double[] residual = new double[n];
    long[] times = samples.t().clone();
    for (int i = 0; i < n; i++) {
      residual[i] = samples.v()[i] - slope * (samples.t()[i] - origin) / HOUR;
    }
    double intercept = median(residual);
    Arrays.sort(times);
    long anchorT = times[n / 2];
    double anchorValue = intercept + slope * (anchorT - origin) / HOUR;
    return new DashboardViews.Fit(
        verdict.signal(),
        verdict.verdict(),
        verdict.confidence(),
        slope,
        finite(verdict.growthPerHourLow()) ? verdict.growthPerHourLow() : slope,
        finite(verdict.growthPerHourHigh()) ? verdict.growthPerHourHigh() : slope,
        verdict.fromMillis(),
        verdict.toMillis(),
        anchorT,
        anchorValue,
        verdict.limit(),
        verdict.timeToLimitSeconds(),
        verdict.evidence());
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static boolean finite(Double v) {
    return v != null && Double.isFinite(v);
  }
}
