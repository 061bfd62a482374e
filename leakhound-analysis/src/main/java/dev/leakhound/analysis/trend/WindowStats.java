package dev.leakhound.analysis.trend;

import dev.leakhound.analysis.trend.stats.HamedRao;
import dev.leakhound.analysis.trend.stats.MannKendall;
import dev.leakhound.analysis.trend.stats.Normal;
import dev.leakhound.analysis.trend.stats.PairwiseSlopes;
import dev.leakhound.analysis.trend.stats.Ranks;
import dev.leakhound.analysis.trend.stats.SlopeSelection;
import dev.leakhound.analysis.trend.stats.YueWang;

/**
 * The trend statistics of one window of a floor: Mann-Kendall, its Hamed-Rao correction (never
 * below 1: the engine only ever widens its doubt), and the Theil-Sen slope with Sen's interval on
 * the corrected variance. Package-private; stateless and thread-safe; expected O(n log n).
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

  /**
   * The corrected one-sided Mann-Kendall p-value of points [from, to) against growth, detrended
   * with the least-squares slope: cheaper than {@link #of} (no slope selection), for screening.
   */
  static double growthPValue(double[] t, double[] y, int from, int to) {
    int n = to - from;
    if (n < 3) {
      return 1;
    }
    double[] x = new double[n];
    double[] v = new double[n];
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      x[i] = t[from + i] - t[from];
      v[i] = y[from + i];
      mx += x[i] / n;
      my += v[i] / n;
    }
    double xx = 0;
    double xy = 0;
    for (int i = 0; i < n; i++) {
      xx += (x[i] - mx) * (x[i] - mx);
      xy += (x[i] - mx) * (v[i] - my);
    }
    double slope = xx > 0 ? xy / xx : 0;
    double factor = correction(x, v, n, slope);
    return MannKendall.of(v, n).withVarianceFactor(factor).pIncreasing();
  }

  /**
   * The variance factor: the larger of Hamed-Rao's (significant lags) and Yue-Wang's AR(1) sum
   * (from the lag-1 rank autocorrelation), never below 1. Either alone lets a slowly wandering
   * floor pass for a trend; the larger keeps false leaks out at a small cost in speed.
   */
  private static double correction(double[] x, double[] v, int n, double slope) {
    double[] rho = HamedRao.rankAutocorrelation(x, v, n, slope, n - 1);
    double hamedRao = HamedRao.varianceFactor(rho, n, LAG_LEVEL);
    double ar1 = rho.length == 0 ? 1 : YueWang.ar1Factor(rho[0], n);
    return Math.max(1, Math.max(hamedRao, ar1));
  }

  /**
   * The Theil-Sen slope of points [from, to) with a cheap standard error (per second): least
   * squares' formula on the robust scatter of the residuals (1.4826 MAD), inflated by the
   * autocorrelation correction. For guards that compare slopes; verdicts report {@link #of}.
   *
   * @return {slope, standard error}
   */
  static double[] slopeAndError(double[] t, double[] y, int from, int to) {
    int n = to - from;
    double[] x = new double[n];
    double[] v = new double[n];
    double mx = 0;
    for (int i = 0; i < n; i++) {
      x[i] = t[from + i] - t[from];
      v[i] = y[from + i];
      mx += x[i] / n;
    }
    double slope =
        new SlopeSelection(x, v, n, 0x5eed + n).atRank((PairwiseSlopes.pairCount(n) + 1) / 2.0);
    double factor = correction(x, v, n, slope);
    double[] r = new double[n];
    double xx = 0;
    for (int i = 0; i < n; i++) {
      r[i] = v[i] - slope * x[i];
      xx += (x[i] - mx) * (x[i] - mx);
    }
    double med = Ranks.median(java.util.Arrays.copyOf(r, n), n);
    for (int i = 0; i < n; i++) {
      r[i] = Math.abs(r[i] - med);
    }
    double sigma = 1.4826 * Ranks.median(r, n);
    double se = xx > 0 ? sigma * Math.sqrt(factor / xx) : Double.POSITIVE_INFINITY;
    return new double[] {slope, se};
  }

  /** Fits points [from, to) of (t, y); needs at least 3 points. */
  static Fit of(double[] t, double[] y, int from, int to, double level) {
    return along(t, y, from, to, level, 1, t[from], t[to - 1]);
  }

  /**
   * Fits points [from, to) of y against another strictly increasing axis (cumulative requests),
   * reporting slopes per second at {@code axisPerSecond} axis units per second: growth per request
   * tested as such, so a leak whose pace follows a varying load is still one straight line.
   */
  static Fit along(
      double[] axis,
      double[] y,
      int from,
      int to,
      double level,
      double axisPerSecond,
      double startTime,
      double endTime) {
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
    double factor = correction(x, v, n, slope);
    MannKendall corrected = mk.withVarianceFactor(factor);
    double c = Normal.quantile(1 - (1 - level) / 2) * Math.sqrt(corrected.correctedVariance());
    double low = slopes.atRank((pairs - c) / 2);
    double high = slopes.atRank((pairs + c) / 2 + 1);
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = v[i] - slope * x[i];
    }
    double intercept = Ranks.median(residuals, n);
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
}
