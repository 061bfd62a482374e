package dev.leakhound.analysis.trend.stats;

/**
 * The sample autocorrelation function as R's {@code acf} computes it: the series is centred on its
 * mean and lag k's autocovariance is {@code (1/n) sum (x_t - m)(x_{t+k} - m)}, divided by the lag-0
 * value.
 *
 * <p>Short series and few lags are summed directly; long ones go through a radix-2 FFT of the
 * zero-padded series (Wiener-Khinchin), O(n log n) instead of O(n * lags). Stateless and
 * thread-safe.
 */
public final class Autocorrelation {
  /** Below this many multiply-adds the direct sum is cheaper than two FFTs. */
  private static final long DIRECT_WORK = 200_000;

  private Autocorrelation() {}

  /**
   * Autocorrelations at lags 1..maxLag of {@code x[0..n)} (index 0 of the result is lag 1). A
   * constant series has no defined autocorrelation; it returns zeros.
   */
  public static double[] of(double[] x, int n, int maxLag) {
    int lags = Math.max(0, Math.min(maxLag, n - 1));
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += x[i];
    }
    mean /= n;
    double[] centred = new double[n];
    double c0 = 0;
    for (int i = 0; i < n; i++) {
      centred[i] = x[i] - mean;
      c0 += centred[i] * centred[i];
    }
    double[] rho = new double[lags];
    if (c0 == 0 || lags == 0) {
      return rho;
    }
    if ((long) n * lags <= DIRECT_WORK) {
      for (int k = 1; k <= lags; k++) {
        double sum = 0;
        for (int t = 0; t + k < n; t++) {
          sum += centred[t] * centred[t + k];
        }
        rho[k - 1] = sum / c0;
      }
      return rho;
    }
    int size = Integer.highestOneBit(2 * n - 1) << 1;
    double[] re = new double[size];
    double[] im = new double[size];
    System.arraycopy(centred, 0, re, 0, n);
    Fft.transform(re, im, false);
    for (int i = 0; i < size; i++) {
      re[i] = re[i] * re[i] + im[i] * im[i];
      im[i] = 0;
    }
    Fft.transform(re, im, true);
    double zero = re[0];
    for (int k = 1; k <= lags; k++) {
      rho[k - 1] = re[k] / zero;
    }
    return rho;
  }
}
