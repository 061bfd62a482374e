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
    double[] k1 = java.util.Arrays.copyOf(keys, n);
    double[] k2 = tieBreak == null ? new double[n] : java.util.Arrays.copyOf(tieBreak, n);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    sortByTwoKeys(k1, k2, ids, n, new double[n], new double[n], new int[n]);
    return ids;
  }

  /**
   * Sorts the triples (k1[i], k2[i], id[i]), i &lt; n, by k1 then k2, in place and stably: short
   * runs by insertion, then bottom-up merges through the caller's scratch arrays (n each).
   */
  static void sortByTwoKeys(
      double[] k1,
      double[] k2,
      int[] id,
      int n,
      double[] s1Scratch,
      double[] s2Scratch,
      int[] idScratch) {
    final int run = 16;
    for (int lo = 0; lo < n; lo += run) {
      int hi = Math.min(lo + run, n);
      for (int i = lo + 1; i < hi; i++) {
        double a = k1[i];
        double b = k2[i];
        int c = id[i];
        int k = i;
        while (k > lo && (k1[k - 1] > a || (k1[k - 1] == a && k2[k - 1] > b))) {
          k1[k] = k1[k - 1];
          k2[k] = k2[k - 1];
          id[k] = id[k - 1];
          k--;
        }
        k1[k] = a;
        k2[k] = b;
        id[k] = c;
      }
    }
    double[] s1 = k1;
    double[] s2 = k2;
    int[] si = id;
    double[] d1 = s1Scratch;
    double[] d2 = s2Scratch;
    int[] di = idScratch;
    for (int width = run; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          boolean right = s1[j] < s1[i] || (s1[j] == s1[i] && s2[j] < s2[i]);
          int from = right ? j++ : i++;
          d1[k] = s1[from];
          d2[k] = s2[from];
          di[k++] = si[from];
        }
        System.arraycopy(s1, i, d1, k, mid - i);
        System.arraycopy(s2, i, d2, k, mid - i);
        System.arraycopy(si, i, di, k, mid - i);
        k += mid - i;
        System.arraycopy(s1, j, d1, k, hi - j);
        System.arraycopy(s2, j, d2, k, hi - j);
        System.arraycopy(si, j, di, k, hi - j);
      }
      double[] t1 = s1;
      s1 = d1;
      d1 = t1;
      double[] t2 = s2;
      s2 = d2;
      d2 = t2;
      int[] ti = si;
      si = di;
      di = ti;
    }
    if (s1 != k1) {
      System.arraycopy(s1, 0, k1, 0, n);
      System.arraycopy(s2, 0, k2, 0, n);
      System.arraycopy(si, 0, id, 0, n);
    }
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
