package dev.leakhound.analysis.trend.stats;

/**
 * Counts the out-of-order pairs of a sequence while merge-sorting it: the O(n log n) core of
 * Knight's algorithm for Kendall's tau (W. R. Knight, "A Computer Method for Calculating Kendall's
 * Tau with Ungrouped Data", JASA 61(314), 1966) and of the slope counting in {@link
 * PairwiseSlopes}.
 *
 * <p>Stateless and thread-safe; every method sorts the array it is given in place and uses the
 * caller's scratch buffer, so it allocates nothing. O(n log n) time.
 */
final class Inversions {
  /** Runs this short are insertion-sorted first: fewer passes, and the shifts count pairs too. */
  private static final int RUN = 16;

  private Inversions() {}

  /**
   * Sorts {@code a[0..n)} ascending and returns the number of pairs i &lt; j with a[i] &gt; a[j]
   * (ties are not counted). {@code scratch} must hold n values.
   */
  static long strict(double[] a, double[] scratch, int n) {
    return count(a, scratch, n, true);
  }

  /**
   * Sorts {@code a[0..n)} ascending and returns the number of pairs i &lt; j with a[i] &gt;= a[j]
   * (ties are counted). {@code scratch} must hold n values.
   */
  static long nonStrict(double[] a, double[] scratch, int n) {
    return count(a, scratch, n, false);
  }

  private static long count(double[] a, double[] scratch, int n, boolean strict) {
    long pairs = 0;
    for (int lo = 0; lo < n; lo += RUN) {
      int hi = Math.min(lo + RUN, n);
      for (int i = lo + 1; i < hi; i++) {
        double v = a[i];
        int k = i;
        if (strict) {
          while (k > lo && a[k - 1] > v) {
            a[k] = a[k - 1];
            k--;
          }
        } else {
          while (k > lo && a[k - 1] >= v) {
            a[k] = a[k - 1];
            k--;
          }
        }
        pairs += i - k;
        a[k] = v;
      }
    }
    double[] src = a;
    double[] dst = scratch;
    for (int width = RUN; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        int k = lo;
        if (strict) {
          while (i < mid && j < hi) {
            if (src[i] <= src[j]) {
              dst[k++] = src[i++];
            } else {
              pairs += mid - i;
              dst[k++] = src[j++];
            }
          }
        } else {
          while (i < mid && j < hi) {
            if (src[i] < src[j]) {
              dst[k++] = src[i++];
            } else {
              pairs += mid - i;
              dst[k++] = src[j++];
            }
          }
        }
        System.arraycopy(src, i, dst, k, mid - i);
        k += mid - i;
        System.arraycopy(src, j, dst, k, hi - j);
      }
      double[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
    return pairs;
  }
}
