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

  /**
   * Checks the judged floor f at {@code times}, measuring slopes along {@code axis} (the times
   * themselves, or requests served when the load guard judged growth per request: then "slowing"
   * means less growth per request, not fewer requests), reported per second at {@code
   * axisPerSecond} axis units per second. {@code whole} is the fit of all points on that axis.
   */
  static Result check(
      double[] times,
      double[] axis,
      double[] f,
      double axisPerSecond,
      WindowStats.Fit whole,
      TrendOptions options) {
    int n = times.length;
    double span = times[n - 1] - times[0];
    double window =
        Math.max(
            options.recentFraction() * span, Math.min(options.recentMinimumSeconds(), span / 2));
    int from = n;
    while (from > 0 && times[from - 1] >= times[n - 1] - window) {
      from--;
    }
    if (n - from < MIN_POINTS || from == 0) {
      return new Result(new PlateauCheck(PlateauCheck.Outcome.NOT_CHECKED, window, null), null);
    }
    double level = options.confidenceLevel();
    WindowStats.Fit recent =
        WindowStats.along(axis, f, from, n, level, axisPerSecond, times[from], times[n - 1], false);
    PlateauCheck.Outcome outcome;
    if (recent.low() <= 0 && recent.slope() < whole.slope() / 2 && frontLoaded(f)) {
      outcome = PlateauCheck.Outcome.LEVELLED_OFF;
    } else if (recent.slope() <= 0
        || recent.high() < SLOWER * whole.slope()
        || slowedDown(axis, f, level)
        || bends(axis, f, whole.test().varianceFactor())) {
      outcome = PlateauCheck.Outcome.SLOWING;
    } else {
      outcome = PlateauCheck.Outcome.STILL_GROWING;
    }
    return new Result(new PlateauCheck(outcome, window, recent.test()), recent);
  }

  /**
   * True when most of the window's growth came in its first half: the rise from the median of its
   * first 15 % of points to that of its middle 15 % is at least three times the rise from there to
   * its last 15 %. A warm-up that has levelled off is front-loaded; a step leak that is between
   * steps is not, its steps are spread over the window.
   */
  static boolean frontLoaded(double[] f) {
    int n = f.length;
    int k = Math.max(3, (int) Math.round(0.15 * n));
    if (3 * k > n) {
      return true;
    }
    double start = median(f, 0, k);
    double middle = median(f, n / 2 - k / 2, n / 2 - k / 2 + k);
    double end = median(f, n - k, n);
    double early = middle - start;
    double late = end - middle;
    return early >= 3 * late;
  }

  private static double median(double[] f, int from, int to) {
    double[] part = java.util.Arrays.copyOfRange(f, from, to);
    return dev.leakhound.analysis.trend.stats.Ranks.median(part, part.length);
  }

  /**
   * True when the window bends down: the least-squares parabola {@code a + b u + c u^2} (u the time
   * scaled to [-1, 1]) has a significantly negative c (t below -1.645 with the robust scatter of
   * its residuals, inflated by the autocorrelation factor) and its slope at the end, b + 2c, is
   * below 3/4 of its slope at the start, b - 2c. A warm-up approaching its level bends; a leak is
   * straight.
   */
  static boolean bends(double[] t, double[] f, double varianceFactor) {
    int n = t.length;
    if (n < 2 * MIN_POINTS) {
      return false;
    }
    double t0 = t[0];
    double half = (t[n - 1] - t[0]) / 2;
    double mf = 0;
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = (t[i] - t0) / half - 1;
      mf += f[i] / n;
    }
    // Normal equations for (a, b, c) on 1, u, u^2.
    double s0 = n;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double y0 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < n; i++) {
      double v = u[i];
      double w = v * v;
      double y = f[i] - mf;
      s1 += v;
      s2 += w;
      s3 += w * v;
      s4 += w * w;
      y0 += y;
      y1 += y * v;
      y2 += y * w;
    }
    double[][] m = {{s0, s1, s2}, {s1, s2, s3}, {s2, s3, s4}};
    double[][] inv = invert(m);
    if (inv == null) {
      return false;
    }
    double a = inv[0][0] * y0 + inv[0][1] * y1 + inv[0][2] * y2;
    double b = inv[1][0] * y0 + inv[1][1] * y1 + inv[1][2] * y2;
    double c = inv[2][0] * y0 + inv[2][1] * y1 + inv[2][2] * y2;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = Math.abs(f[i] - mf - (a + b * u[i] + c * u[i] * u[i]));
    }
    double sigma = 1.4826 * dev.leakhound.analysis.trend.stats.Ranks.median(r, n);
    double se = sigma * Math.sqrt(Math.max(0, inv[2][2]) * Math.max(1, varianceFactor));
    double startSlope = b - 2 * c;
    double endSlope = b + 2 * c;
    return se > 0 && c / se < -1.645 && startSlope > 0 && endSlope < SLOWER * startSlope;
  }

  /** The inverse of a symmetric 3x3 matrix, or null when it is singular. */
  private static double[][] invert(double[][] m) {
    double det =
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (!(Math.abs(det) > 1e-300)) {
      return null;
    }
    double[][] inv = new double[3][3];
    inv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
    inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
    inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
    inv[1][0] = inv[0][1];
    inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
    inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
    inv[2][0] = inv[0][2];
    inv[2][1] = inv[1][2];
    inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
    return inv;
  }

  /**
   * True when the second half of the window grew significantly slower than the first: the upper
   * limit of its slope is below the first half's slope. A leak keeps its pace; a warm-up does not.
   */
  private static boolean slowedDown(double[] t, double[] f, double level) {
    int n = t.length;
    double middle = (t[0] + t[n - 1]) / 2;
    int half = 0;
    while (half < n && t[half] < middle) {
      half++;
    }
    if (half < MIN_POINTS || n - half < MIN_POINTS) {
      return false;
    }
    WindowStats.Fit first = WindowStats.quick(t, f, 0, half, level);
    WindowStats.Fit second = WindowStats.quick(t, f, half, n, level);
    double se = Math.hypot(first.standardError(level), second.standardError(level));
    return second.slope() < SLOWER * first.slope()
        && se > 0
        && (first.slope() - second.slope()) / se > Normal.quantile(0.95);
  }
}
