package dev.leakhound.analysis.trend.stats;

/**
 * The Theil-Sen slope (H. Theil 1950; P. K. Sen, "Estimates of the regression coefficient based on
 * Kendall's tau", JASA 63, 1968): the median of all pairwise slopes, with Sen's distribution-free
 * confidence interval as Gilbert describes it (R. O. Gilbert, Statistical Methods for Environmental
 * Pollution Monitoring, 1987, section 16.5): with {@code C = z_{1-alpha/2} sqrt(Var S)} and N
 * slopes, the limits are the slopes of ranks {@code (N - C)/2} and {@code (N + C)/2 + 1},
 * interpolated between neighbours as R's EnvStats does. Passing an autocorrelation-corrected Var(S)
 * widens the interval accordingly.
 *
 * @param slope the median pairwise slope, in value per unit of x
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 * @param intercept Conover's intercept, median(y) - slope * median(x)
 * @param level the confidence level of [lower, upper]
 * @param pairs how many pairwise slopes there are
 */
public record TheilSen(
    double slope, double lower, double upper, double intercept, double level, long pairs) {

  /**
   * Fits {@code y[0..n)} against strictly increasing {@code x}. Expected O(n log n) through {@link
   * PairwiseSlopes}; {@code seed} only steers its sampling.
   */
  public static TheilSen fit(
      double[] x, double[] y, int n, double varianceS, double level, long seed) {
    long pairs = PairwiseSlopes.pairCount(n);
    double c = Normal.quantile(1 - (1 - level) / 2) * Math.sqrt(Math.max(0, varianceS));
    double median = (pairs + 1) / 2.0;
    double lowRank = (pairs - c) / 2;
    double highRank = (pairs + c) / 2 + 1;
    double[] v = PairwiseSlopes.atRanks(x, y, n, new double[] {median, lowRank, highRank}, seed);
    double[] xs = java.util.Arrays.copyOf(x, n);
    double[] ys = java.util.Arrays.copyOf(y, n);
    double intercept = Ranks.median(ys, n) - v[0] * Ranks.median(xs, n);
    return new TheilSen(v[0], v[1], v[2], intercept, level, pairs);
  }
}
