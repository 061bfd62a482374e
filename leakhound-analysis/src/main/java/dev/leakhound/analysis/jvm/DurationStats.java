package dev.leakhound.analysis.jvm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Statistics of a group of durations: stop-the-world pauses (all of a log's, or those of one type
 * or cause) or concurrent cycles. Percentiles are nearest-rank (the smallest pause at least that
 * share of pauses does not exceed).
 *
 * <p>Immutable and thread-safe.
 *
 * @param key what the group is: {@code all}, a pause type ({@code Pause Young (Normal)}), a cause
 *     ({@code G1 Evacuation Pause})
 * @param count pauses in the group
 * @param totalMillis their sum
 * @param p50Millis the median pause
 * @param p95Millis the 95th percentile
 * @param maxMillis the longest
 */
public record DurationStats(
    String key,
    int count,
    double totalMillis,
    double p50Millis,
    double p95Millis,
    double maxMillis) {
  public DurationStats {
    Objects.requireNonNull(key, "key");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
  }

  /** The statistics of {@code millis} (any order; not modified). */
  public static DurationStats of(String key, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double total = 0;
    for (double m : sorted) {
      total += m;
    }
    int n = sorted.length;
    return new DurationStats(
        key,
        n,
        round(total),
        n == 0 ? 0 : round(percentile(sorted, 0.50)),
        n == 0 ? 0 : round(percentile(sorted, 0.95)),
        n == 0 ? 0 : round(sorted[n - 1]));
  }

  /** Nearest-rank percentile of a sorted, non-empty array. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
