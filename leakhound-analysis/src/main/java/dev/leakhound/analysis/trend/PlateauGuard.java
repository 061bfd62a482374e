package dev.leakhound.analysis.trend;

import dev.leakhound.analysis.trend.stats.Normal;

/**
 * The plateau guard (see {@link PlateauCheck}): re-tests the most recent part of the judged floor
 * and compares its slope with the whole's. Package-private; stateless and thread-safe.
 */
final class PlateauGuard {
  /** Fewer recent points than this are not worth a test. */
  private static final int MIN_POINTS = 6;

  /**
   * Slowing means at most this fraction of the earlier pace, with confidence: long, quiet series
   * have intervals so narrow that any wobble would otherwise count.
   */
  private static final double SLOWER = 0.75;

  private PlateauGuard() {}

  /** The guard's result and the recent window's fit (null when not checked). */
  record Result(PlateauCheck check, WindowStats.Fit recent) {}

  static Result check(double[] t, double[] f, WindowStats.Fit whole, TrendOptions options) {
    int n = t.length;
    double span = t[n - 1] - t[0];
    double window =
        Math.max(
            options.recentFraction() * span, Math.min(options.recentMinimumSeconds(), span / 2));
    int from = n;
    while (from > 0 && t[from - 1] >= t[n - 1] - window) {
      from--;
    }
    if (n - from < MIN_POINTS || from == 0) {
      return new Result(new PlateauCheck(PlateauCheck.Outcome.NOT_CHECKED, window, null), null);
    }
    WindowStats.Fit recent = WindowStats.of(t, f, from, n, options.confidenceLevel());
    PlateauCheck.Outcome outcome;
    if (recent.low() <= 0 && recent.slope() < whole.slope() / 2) {
      outcome = PlateauCheck.Outcome.LEVELLED_OFF;
    } else if (recent.high() < SLOWER * whole.slope() || slowedDown(t, f, options)) {
      outcome = PlateauCheck.Outcome.SLOWING;
    } else {
      outcome = PlateauCheck.Outcome.STILL_GROWING;
    }
    return new Result(new PlateauCheck(outcome, window, recent.test()), recent);
  }

  /**
   * True when the second half of the window grew significantly slower than the first: the upper
   * limit of its slope is below the first half's slope. A leak keeps its pace; a warm-up does not.
   */
  private static boolean slowedDown(double[] t, double[] f, TrendOptions options) {
    int n = t.length;
    double middle = (t[0] + t[n - 1]) / 2;
    int half = 0;
    while (half < n && t[half] < middle) {
      half++;
    }
    if (half < MIN_POINTS || n - half < MIN_POINTS) {
      return false;
    }
    double[] first = WindowStats.slopeAndError(t, f, 0, half);
    double[] second = WindowStats.slopeAndError(t, f, half, n);
    double se = Math.hypot(first[1], second[1]);
    return second[0] < SLOWER * first[0]
        && se > 0
        && (first[0] - second[0]) / se > Normal.quantile(0.95);
  }
}
