package dev.leakhound.analysis.trend.stats;

/**
 * Sorting helpers on primitive arrays: a stable index sort and average ranks (ties share the mean
 * of the ranks they span, as R's {@code rank(x)} does).
 *
 * <p>Stateless and thread-safe. O(n log n) time, O(n) extra space.
 */
public final class Ranks {
  private Ranks() {}

  /**
   * The permutation that sorts {@code keys[0..n)} ascending, ties broken by {@code tieBreak}
   * ascending when it is not null, then by position (stable).
   */
  public static int[] order(double[] keys, double[] tieBreak, int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] buf = new int[n];
    int[] src = idx;
    int[] dst = buf;
    // Insertion sort of short runs, then bottom-up merges.
    final int run = 16;
    for (int lo = 0; lo < n; lo += run) {
      int hi = Math.min(lo + run, n);
      for (int i = lo + 1; i < hi; i++) {
        int v = src[i];
        int k = i;
        while (k > lo && less(keys, tieBreak, v, src[k - 1])) {
          src[k] = src[k - 1];
          k--;
        }
        src[k] = v;
      }
    }
    for (int width = run; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          dst[k++] = less(keys, tieBreak, src[j], src[i]) ? src[j++] : src[i++];
        }
        System.arraycopy(src, i, dst, k, mid - i);
        k += mid - i;
        System.arraycopy(src, j, dst, k, hi - j);
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    return src;
  }

  private static boolean less(double[] keys, double[] tieBreak, int a, int b) {
    if (keys[a] != keys[b]) {
      return keys[a] < keys[b];
    }
    return tieBreak != null && tieBreak[a] < tieBreak[b];
  }

  /** 1-based average ranks of {@code values[0..n)}. */
  public static double[] average(double[] values, int n) {
    int[] order = order(values, null, n);
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i + 1;
      while (j < n && values[order[j]] == values[order[i]]) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        ranks[order[k]] = rank;
      }
      i = j;
    }
    return ranks;
  }

  /**
   * The k-th smallest (0-based) of {@code a[0..n)}, rearranging {@code a}. Expected O(n) (Hoare's
   * selection with a median-of-three pivot).
   */
  public static double select(double[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      // Median of three as the pivot keeps sorted and reversed inputs linear.
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /** The median of {@code a[0..n)} (mean of the middle two for even n), rearranging {@code a}. */
  public static double median(double[] a, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    double upper = select(a, n, n / 2);
    if ((n & 1) == 1) {
      return upper;
    }
    double lower = a[0];
    for (int i = 1; i < n / 2; i++) {
      lower = Math.max(lower, a[i]);
    }
    return (lower + upper) / 2;
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
