package dev.leakhound.analysis.trend;

import dev.leakhound.analysis.trend.stats.Autocorrelation;
import dev.leakhound.analysis.trend.stats.ChangePoints;
import dev.leakhound.analysis.trend.stats.Ranks;
import java.util.Arrays;

/**
 * Finds where the current regime of a floor starts, so the verdict judges only it. Change points
 * come from {@link ChangePoints#binarySegmentation} on a running median of the floor (single spikes
 * do not make regimes), with a BIC-like penalty of 3 parameters times the floor's long-run noise
 * variance times ln n. Each change is classified by the gap between the straight lines fitted on
 * either side of it:
 *
 * <ul>
 *   <li>a <b>drop</b> (memory released: a restart the counters missed, a cache flush): cut;
 *   <li>a <b>single jump up</b> with flat ground after it (a deploy or config change that shifted
 *       the level): cut, so the new level is judged on its own; two or more jumps up are a
 *       staircase, a step leak, and are kept together;
 *   <li>a <b>bend</b> where growth began after a flat stretch: cut, so the rate is today's;
 *   <li>a <b>bend</b> where growth stopped (the last regime is flat after one that grew): cut, so a
 *       cache that has filled is judged by what it does now.
 * </ul>
 *
 * <p>Package-private; stateless and thread-safe. O(n log n) plus a trend test per candidate bend.
 */
final class Regimes {
  private static final int MAX_CHANGES = 6;
  private static final int SMOOTHING = 5;

  private Regimes() {}

  /**
   * Where the judged regime starts.
   *
   * @param start index of the first point judged
   * @param cause why it starts there (null: the first point of the lifetime after warm-up)
   * @param changeTimes the times of every change point found
   * @param steps how many steps up a staircase took (a step leak), 0 when the floor is no staircase
   */
  record Regime(int start, String cause, double[] changeTimes, int steps) {
    Regime(int start, String cause, double[] changeTimes) {
      this(start, cause, changeTimes, 0);
    }
  }

  static Regime find(double[] t, double[] f, TrendOptions options) {
    int n = t.length;
    int minSize = Math.max(options.minimumPoints() / 2, Math.max(5, n / 20));
    if (n < 2 * minSize) {
      return new Regime(0, null, new double[0]);
    }
    double[] smooth = runningMedian(f, SMOOTHING);
    // Noise from the raw floor: the smoothing would understate it.
    double sigma = differenceNoise(f);
    double rho = Math.min(0.9, Math.max(0, residualLagOne(t, f)));
    double longRun = sigma * sigma * (1 + rho) / ((1 - rho) * (1 - rho));
    double penalty = 3 * Math.max(longRun, 1e-12 * scale(f)) * Math.log(n);
    int[] cps = ChangePoints.binarySegmentation(t, smooth, n, minSize, penalty, MAX_CHANGES);
    double[] times = new double[cps.length];
    for (int i = 0; i < cps.length; i++) {
      times[i] = t[cps[i]];
    }
    if (cps.length == 0) {
      return new Regime(0, null, times);
    }
    double[] jumps = new double[cps.length];
    // Jumps are judged against the scatter around each regime's own line (which includes the
    // floor's slow wander) and must move a tenth of the level: a restart or a release frees a
    // good part of the heap, a deploy shifts it visibly; a dip of the wander does neither.
    double scatter = 4 * residualScatter(t, f, cps);
    int jumpsUp = 0;
    for (int i = 0; i < cps.length; i++) {
      int from = i == 0 ? 0 : cps[i - 1];
      int to = i + 1 < cps.length ? cps[i + 1] : n;
      double at = t[cps[i]];
      double jump = lineAt(t, smooth, cps[i], to, at) - lineAt(t, smooth, from, cps[i], at);
      double threshold = Math.max(scatter, 0.1 * Math.abs(lineAt(t, smooth, from, cps[i], at)));
      jumps[i] = jump < -threshold ? -1 : jump > threshold ? 1 : 0;
      if (jumps[i] > 0) {
        jumpsUp++;
      }
    }
    // A staircase: three or more steps up (each above the scatter and 3 % of the level) and no
    // step down since the first: a leak that grows in steps (a batch that keeps its results).
    int stepsUp = 0;
    boolean down = false;
    for (int i = 0; i < cps.length; i++) {
      int from = i == 0 ? 0 : cps[i - 1];
      int to = i + 1 < cps.length ? cps[i + 1] : n;
      double at = t[cps[i]];
      double before = lineAt(t, smooth, from, cps[i], at);
      double jump = lineAt(t, smooth, cps[i], to, at) - before;
      double small = Math.max(scatter, 0.03 * Math.abs(before));
      if (jump > small) {
        stepsUp++;
      } else if (jump < -small && stepsUp > 0) {
        down = true;
      }
    }
    if (stepsUp >= 3 && !down) {
      return new Regime(0, null, times, stepsUp);
    }
    // Growth that stopped: the last regime is flat after one that grew (a cache that filled up).
    // Judged alone, it is what it is now: no leak.
    int last = cps[cps.length - 1];
    int before = cps.length > 1 ? cps[cps.length - 2] : 0;
    if (jumps[cps.length - 1] == 0 && stopped(t, f, before, last, n, options.suspectAlpha())) {
      return new Regime(last, "growth stopped", times);
    }
    for (int i = cps.length - 1; i >= 0; i--) {
      int c = cps[i];
      if (jumps[i] < 0) {
        return new Regime(c, "drop in the floor", times);
      }
      if (jumps[i] > 0 && jumpsUp == 1) {
        return new Regime(c, "level shift", times);
      }
      if (jumps[i] == 0) {
        int from = i == 0 ? 0 : cps[i - 1];
        double alpha = options.suspectAlpha();
        if (WindowStats.growthPValue(t, f, c, n) < alpha
            && WindowStats.growthPValue(t, f, from, c) >= alpha
            && slope(t, smooth, c, n) > 2 * Math.max(0, slope(t, smooth, from, c))) {
          return new Regime(c, "growth began", times);
        }
      }
    }
    return new Regime(0, null, times);
  }

  /**
   * True when [from, c) grew and [c, n) grows at most a quarter as fast, significantly (one-sided 5
   * %) slower.
   */
  private static boolean stopped(double[] t, double[] f, int from, int c, int n, double alpha) {
    if (WindowStats.growthPValue(t, f, from, c) >= alpha) {
      return false;
    }
    WindowStats.Fit early = WindowStats.quick(t, f, from, c, 0.95);
    WindowStats.Fit late = WindowStats.quick(t, f, c, n, 0.95);
    double se = Math.hypot(early.standardError(0.95), late.standardError(0.95));
    return se > 0
        && late.slope() < early.slope() / 4
        && (early.slope() - late.slope()) / se > 1.645;
  }

  /** The least-squares slope of points [from, to). */
  private static double slope(double[] t, double[] y, int from, int to) {
    return lineAt(t, y, from, to, t[to - 1]) - lineAt(t, y, from, to, t[from]) == 0
        ? 0
        : (lineAt(t, y, from, to, t[to - 1]) - lineAt(t, y, from, to, t[from]))
            / (t[to - 1] - t[from]);
  }

  /** The least-squares line through points [from, to), evaluated at {@code at}. */
  private static double lineAt(double[] t, double[] y, int from, int to, double at) {
    int m = to - from;
    double mt = 0;
    double my = 0;
    for (int i = from; i < to; i++) {
      mt += t[i] / m;
      my += y[i] / m;
    }
    double tt = 0;
    double ty = 0;
    for (int i = from; i < to; i++) {
      tt += (t[i] - mt) * (t[i] - mt);
      ty += (t[i] - mt) * (y[i] - my);
    }
    double slope = tt > 0 ? ty / tt : 0;
    return my + slope * (at - mt);
  }

  /** Robust scatter (1.4826 MAD) of the points around the line of the segment holding them. */
  private static double residualScatter(double[] t, double[] f, int[] cps) {
    int n = t.length;
    double[] residuals = new double[n];
    for (int s = 0; s <= cps.length; s++) {
      int from = s == 0 ? 0 : cps[s - 1];
      int to = s < cps.length ? cps[s] : n;
      double a = lineAt(t, f, from, to, t[from]);
      double slope = slope(t, f, from, to);
      for (int i = from; i < to; i++) {
        residuals[i] = f[i] - (a + slope * (t[i] - t[from]));
      }
    }
    double med = Ranks.median(Arrays.copyOf(residuals, n), n);
    for (int i = 0; i < n; i++) {
      residuals[i] = Math.abs(residuals[i] - med);
    }
    return 1.4826 * Ranks.median(residuals, n);
  }

  /** Running median of odd width (shorter at the ends). */
  static double[] runningMedian(double[] f, int width) {
    int n = f.length;
    int half = width / 2;
    double[] out = new double[n];
    double[] window = new double[width];
    for (int i = 0; i < n; i++) {
      int a = Math.max(0, i - half);
      int b = Math.min(n, i + half + 1);
      System.arraycopy(f, a, window, 0, b - a);
      out[i] = Ranks.median(window, b - a);
    }
    return out;
  }

  /** White-noise scale from first differences: 1.4826 MAD(diff) / sqrt(2). */
  static double differenceNoise(double[] f) {
    int n = f.length;
    if (n < 3) {
      return 0;
    }
    double[] d = new double[n - 1];
    for (int i = 1; i < n; i++) {
      d[i - 1] = f[i] - f[i - 1];
    }
    double med = Ranks.median(Arrays.copyOf(d, n - 1), n - 1);
    for (int i = 0; i < n - 1; i++) {
      d[i] = Math.abs(d[i] - med);
    }
    return 1.4826 * Ranks.median(d, n - 1) / Math.sqrt(2);
  }

  /** Lag-1 autocorrelation of the residuals from one least-squares line. */
  private static double residualLagOne(double[] t, double[] f) {
    int n = f.length;
    double[] r = new double[n];
    double at = lineAt(t, f, 0, n, t[0]);
    double at1 = lineAt(t, f, 0, n, t[n - 1]);
    double slope = (at1 - at) / Math.max(t[n - 1] - t[0], Double.MIN_NORMAL);
    for (int i = 0; i < n; i++) {
      r[i] = f[i] - (at + slope * (t[i] - t[0]));
    }
    double[] rho = Autocorrelation.of(r, n, 1);
    return rho.length == 0 ? 0 : rho[0];
  }

  private static double scale(double[] f) {
    double max = 0;
    for (double v : f) {
      max = Math.max(max, Math.abs(v));
    }
    return max * max;
  }
}
