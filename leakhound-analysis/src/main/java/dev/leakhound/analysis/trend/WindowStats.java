package dev.leakhound.analysis.trend;

import dev.leakhound.analysis.trend.stats.Autocorrelation;
import dev.leakhound.analysis.trend.stats.HamedRao;
import dev.leakhound.analysis.trend.stats.MannKendall;
import dev.leakhound.analysis.trend.stats.Normal;
import dev.leakhound.analysis.trend.stats.Ranks;
import dev.leakhound.analysis.trend.stats.SlopeSelection;
import dev.leakhound.analysis.trend.stats.YueWang;
import java.util.Arrays;

/**
 * The trend statistics of one window of a floor. {@link #of} is what verdicts report: Mann-Kendall
 * with the larger of the Hamed-Rao and the AR(1) Yue-Wang corrections (never below 1: the engine
 * only ever widens its doubt), and the Theil-Sen slope with Sen's interval on the corrected
 * variance. {@link #quick} is what the guards compare: the same median slope and test, corrected
 * from the lag-1 autocorrelation alone, with a normal interval from the residual scatter; it skips
 * two rank selections and the FFT.
 *
 * <p>Package-private; stateless and thread-safe; expected O(n log n).
 */
final class WindowStats {
  private static final double SECONDS_PER_HOUR = 3600;

  /** Autocorrelation lags count as significant at this level, as in R's modifiedmk. */
  private static final double LAG_LEVEL = 0.95;

  private WindowStats() {}

  /**
   * A window's statistics.
   *
   * @param test the summary for the evidence
   * @param slope per second
   * @param low per second
   * @param high per second
   * @param start the time of the window's first point
   * @param end the time of its last point
   * @param levelAtStart the Theil-Sen line (median residual intercept) at start
   */
  record Fit(
      TrendTest test,
      double slope,
      double low,
      double high,
      double start,
      double end,
      double levelAtStart) {
    double levelAt(double time) {
      return levelAtStart + slope * (time - start);
    }

    /** A standard error of the slope read off its interval (per second). */
    double standardError(double level) {
      return (high - low) / (2 * Normal.quantile(1 - (1 - level) / 2));
    }

    /** The same fit with another one-sided p-value (after a choice between tests). */
    Fit withPValue(double p) {
      TrendTest t = test;
      return new Fit(
          new TrendTest(
              t.points(),
              t.windowSeconds(),
              t.s(),
              t.varianceS(),
              t.varianceFactor(),
              t.z(),
              p,
              t.tau(),
              t.slopePerHour(),
              t.slopeLowPerHour(),
              t.slopeHighPerHour()),
          slope,
          low,
          high,
          start,
          end,
          levelAtStart);
    }
  }

  /** Fits points [from, to) of (t, y) exactly; needs at least 3 points. */
  static Fit of(double[] t, double[] y, int from, int to, double level) {
    return along(t, y, from, to, level, 1, t[from], t[to - 1], true);
  }

  /** The guards' cheaper fit of points [from, to) of (t, y); needs at least 3 points. */
  static Fit quick(double[] t, double[] y, int from, int to, double level) {
    return along(t, y, from, to, level, 1, t[from], t[to - 1], false);
  }

  /**
   * Fits points [from, to) of y against another strictly increasing axis (cumulative requests),
   * reporting slopes per second at {@code axisPerSecond} axis units per second: growth per request
   * tested as such, so a leak whose pace follows a varying load is still one straight line.
   *
   * @param exact Sen's interval and both corrections ({@link #of}), or the cheap ones ({@link
   *     #quick})
   */
  static Fit along(
      double[] axis,
      double[] y,
      int from,
      int to,
      double level,
      double axisPerSecond,
      double startTime,
      double endTime,
      boolean exact) {
    int n = to - from;
    double[] x = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = axis[from + i] - axis[from];
      v[i] = y[from + i];
    }
    MannKendall mk = MannKendall.of(v, n);
    SlopeSelection slopes = new SlopeSelection(x, v, n, 0x5eed + n);
    long pairs = slopes.pairs();
    double slope = slopes.atRank((pairs + 1) / 2.0);
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = v[i] - slope * x[i];
    }
    double factor = exact ? correction(x, v, n, slope) : lagOneCorrection(residuals, n);
    MannKendall corrected = mk.withVarianceFactor(factor);
    double z = Normal.quantile(1 - (1 - level) / 2);
    double low;
    double high;
    if (exact) {
      double c = z * Math.sqrt(corrected.correctedVariance());
      low = slopes.atRank((pairs - c) / 2);
      high = slopes.atRank((pairs + c) / 2 + 1);
    } else {
      double se = robustError(x, residuals, n, factor);
      low = slope - z * se;
      high = slope + z * se;
    }
    double intercept = Ranks.median(Arrays.copyOf(residuals, n), n);
    double perSecond = axisPerSecond;
    TrendTest test =
        new TrendTest(
            n,
            endTime - startTime,
            corrected.s(),
            corrected.variance(),
            factor,
            corrected.z(),
            corrected.pIncreasing(),
            corrected.tau(),
            slope * perSecond * SECONDS_PER_HOUR,
            low * perSecond * SECONDS_PER_HOUR,
            high * perSecond * SECONDS_PER_HOUR);
    return new Fit(
        test, slope * perSecond, low * perSecond, high * perSecond, startTime, endTime, intercept);
  }

  /**
   * The corrected one-sided Mann-Kendall p-value of points [from, to) against growth, detrended
   * with the least-squares slope and corrected from the lag-1 autocorrelation: no slope selection
   * at all, for screening regimes.
   */
  static double growthPValue(double[] t, double[] y, int from, int to) {
    int n = to - from;
    if (n < 3) {
      return 1;
    }
    double[] v = Arrays.copyOfRange(y, from, to);
    double mx = 0;
    double my = 0;
    for (int i = from; i < to; i++) {
      mx += (t[i] - t[from]) / n;
      my += y[i] / n;
    }
    double xx = 0;
    double xy = 0;
    for (int i = from; i < to; i++) {
      double x = t[i] - t[from] - mx;
      xx += x * x;
      xy += x * (y[i] - my);
    }
    double slope = xx > 0 ? xy / xx : 0;
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = v[i] - slope * (t[from + i] - t[from]);
    }
    return MannKendall.of(v, n).withVarianceFactor(lagOneCorrection(residuals, n)).pIncreasing();
  }

  /**
   * The verdict's variance factor: the larger of Hamed-Rao's (significant lags of the detrended
   * ranks) and Yue-Wang's AR(1) sum (from their lag-1 autocorrelation), never below 1. Either alone
   * lets a slowly wandering floor pass for a trend; the larger keeps false leaks out at a small
   * cost in speed.
   */
  private static double correction(double[] x, double[] v, int n, double slope) {
    double[] rho = HamedRao.rankAutocorrelation(x, v, n, slope, n - 1);
    double hamedRao = HamedRao.varianceFactor(rho, n, LAG_LEVEL);
    double ar1 = rho.length == 0 ? 1 : YueWang.ar1Factor(rho[0], n);
    return Math.max(1, Math.max(hamedRao, ar1));
  }

  /** The guards' variance factor: Yue-Wang's AR(1) sum from the residuals' lag-1 correlation. */
  private static double lagOneCorrection(double[] residuals, int n) {
    double[] rho = Autocorrelation.of(residuals, n, 1);
    return Math.max(1, rho.length == 0 ? 1 : YueWang.ar1Factor(rho[0], n));
  }

  /** Least squares' standard error of a slope on the robust residual scatter, inflated. */
  private static double robustError(double[] x, double[] residuals, int n, double factor) {
    double mx = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
    }
    double xx = 0;
    for (int i = 0; i < n; i++) {
      xx += (x[i] - mx) * (x[i] - mx);
    }
    double[] r = Arrays.copyOf(residuals, n);
    double med = Ranks.median(Arrays.copyOf(r, n), n);
    for (int i = 0; i < n; i++) {
      r[i] = Math.abs(r[i] - med);
    }
    double sigma = 1.4826 * Ranks.median(r, n);
    return xx > 0 ? sigma * Math.sqrt(factor / xx) : Double.POSITIVE_INFINITY;
  }
}
