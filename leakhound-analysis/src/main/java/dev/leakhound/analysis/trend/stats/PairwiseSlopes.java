package dev.leakhound.analysis.trend.stats;

import java.util.Arrays;

/**
 * Order statistics of the n(n-1)/2 pairwise slopes {@code (y[j]-y[i]) / (x[j]-x[i])} of a series,
 * without listing them all: the median is the Theil-Sen slope, two other ranks bound its confidence
 * interval.
 *
 * <p>Small series (up to {@value #BRUTE_FORCE_PAIRS} pairs) list every slope. Longer ones use
 * randomized slope selection in the manner of J. Matoušek ("Randomized optimal algorithm for slope
 * selection", Inf. Proc. Letters 39, 1991) and Dillencourt, Mount and Netanyahu (1992): a random
 * sample of slopes brackets the wanted rank in an interval (lo, hi]; the number of slopes at most t
 * is the number of inversions of {@code u(t) = y - t x} in time order, counted by a merge sort in
 * O(n log n); the slopes inside (lo, hi] are the pairs whose order differs between u(lo) and u(hi),
 * which the same merge lists (or samples, with geometric skips) in O(n log n + k). Each round
 * shrinks the interval by about 6/sqrt(sample size); when it holds at most a few n slopes they are
 * listed and the rank is selected exactly. Expected O(n log n) time, O(n) space.
 *
 * <p>Exact up to floating-point rounding: slopes that differ by a rounding error of their {@code
 * u(t)} keys may be ranked either way. Stateless and thread-safe; {@link SlopeSelection} asks
 * several ranks of one series and shares the work between them.
 */
public final class PairwiseSlopes {
  /** At or below this many pairs every slope is listed and sorted. */
  static final long BRUTE_FORCE_PAIRS = 30_000;

  private PairwiseSlopes() {}

  /** n(n-1)/2. */
  public static long pairCount(int n) {
    return (long) n * (n - 1) / 2;
  }

  /**
   * The slopes at the given 1-based ranks of the ascending order of all pairwise slopes; a
   * fractional rank interpolates linearly between its neighbours (ranks are clamped to [1, N]).
   *
   * @param x strictly increasing positions (times)
   * @param y values
   * @param n how many leading entries of x and y to use (at least 2)
   * @param ranks 1-based ranks, in any order
   * @param seed seeds the random sampling; the answer does not depend on it
   */
  public static double[] atRanks(double[] x, double[] y, int n, double[] ranks, long seed) {
    SlopeSelection selection = new SlopeSelection(x, y, n, seed);
    double[] out = new double[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      out[i] = selection.atRank(ranks[i]);
    }
    return out;
  }

  /**
   * Lists and sorts every slope: O(n^2 log n); the oracle for tests and the path for short series.
   */
  static double[] bruteForce(double[] x, double[] y, int n, long[] sortedRanks) {
    double[] all = new double[(int) pairCount(n)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        all[k++] = (y[j] - y[i]) / (x[j] - x[i]);
      }
    }
    Arrays.sort(all);
    double[] out = new double[sortedRanks.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = all[(int) sortedRanks[i] - 1];
    }
    return out;
  }
}
