package dev.leakhound.analysis.trend.stats;

/**
 * The Yue and Wang variance correction of the Mann-Kendall test from the effective sample size (S.
 * Yue and C. Y. Wang, "The Mann-Kendall test modified by effective sample size to detect trend in
 * serially correlated hydrological series", Water Resources Management 18, 2004):
 *
 * <pre>n/n* = 1 + 2 * sum over k of (1 - k/n) rho_k</pre>
 *
 * <p>{@link #lagOneFactor} keeps only the lag-1 term, as R's {@code modifiedmk::mmky1lag} does
 * (checked on the Nile series); {@link #ar1Factor} sums every lag of an AR(1) process, {@code rho_k
 * = rho_1^k}, which keeps its size for slowly wandering series whose sample autocorrelations at
 * long lags are too noisy to pass {@link HamedRao}'s significance filter.
 *
 * <p>Stateless and thread-safe; O(n) at most.
 */
public final class YueWang {
  private YueWang() {}

  /** 1 + 2 sum_{k=1}^{n-1} (1 - k/n) rho1^k for a positive rho1; 1 otherwise. */
  public static double ar1Factor(double rho1, int n) {
    if (!(rho1 > 0)) {
      return 1;
    }
    double rho = Math.min(rho1, 0.999);
    double sum = 0;
    double power = 1;
    for (int k = 1; k < n; k++) {
      power *= rho;
      if (power < 1e-12) {
        break;
      }
      sum += (1 - (double) k / n) * power;
    }
    return 1 + 2 * sum;
  }
}
