package dev.leakhound.analysis.trend.stats;

/**
 * The Hamed and Rao variance correction of the Mann-Kendall test for autocorrelated data (K. H.
 * Hamed and A. R. Rao, "A modified Mann-Kendall trend test for autocorrelated data", J. Hydrology
 * 204, 1998): remove the Theil-Sen trend, rank the residuals, and inflate Var(S) by
 *
 * <pre>n/n* = 1 + 2 / (n(n-1)(n-2)) * sum over significant lags k of (n-k)(n-k-1)(n-k-2) rho_k
 * </pre>
 *
 * where rho_k is the lag-k autocorrelation of the ranks and a lag is significant when |rho_k| &gt;
 * z_{(1+level)/2} / sqrt(n). Computed as R's {@code modifiedmk::mmkh} does (all lags, R's {@code
 * acf} estimator), which the tests check on the Nile series.
 *
 * <p>Stateless and thread-safe; O(n log n) through {@link Autocorrelation}'s FFT.
 */
public final class HamedRao {
  private HamedRao() {}

  /**
   * The factor n/n* for {@code y[0..n)} at positions {@code x}, detrended with {@code slope} (value
   * per unit of x), using lags 1..maxLag. Can be below 1 for negatively correlated data; callers
   * that must stay conservative clamp it.
   */
  public static double varianceFactor(
      double[] x, double[] y, int n, double slope, double level, int maxLag) {
    if (n < 3) {
      return 1;
    }
    return varianceFactor(rankAutocorrelation(x, y, n, slope, maxLag), n, level);
  }

  /**
   * The autocorrelations at lags 1..maxLag of the ranks of {@code y - slope * x}: what both this
   * correction and {@link YueWang#ar1Factor} read.
   */
  public static double[] rankAutocorrelation(
      double[] x, double[] y, int n, double slope, int maxLag) {
    double[] detrended = new double[n];
    for (int i = 0; i < n; i++) {
      detrended[i] = y[i] - slope * x[i];
    }
    return Autocorrelation.of(Ranks.average(detrended, n), n, maxLag);
  }

  /** The factor n/n* from rank autocorrelations {@code rho} (index 0 is lag 1). */
  public static double varianceFactor(double[] rho, int n, double level) {
    if (n < 3) {
      return 1;
    }
    double bound = Normal.quantile((1 + level) / 2) / Math.sqrt(n);
    double sum = 0;
    for (int k = 1; k <= rho.length; k++) {
      double r = rho[k - 1];
      if (Math.abs(r) > bound) {
        sum += (double) (n - k) * (n - k - 1) * (n - k - 2) * r;
      }
    }
    return 1 + 2 * sum / ((double) n * (n - 1) * (n - 2));
  }
}
