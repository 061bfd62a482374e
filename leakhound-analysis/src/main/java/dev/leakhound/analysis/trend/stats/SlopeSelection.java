package dev.leakhound.analysis.trend.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Order statistics of one series' pairwise slopes, asked one rank at a time and sharing work
 * between ranks: the random sample drawn once, and the last fully listed interval answering
 * neighbouring ranks. The algorithm is described in {@link PairwiseSlopes}.
 *
 * <p>Not thread-safe: one selection per thread. Holds O(n) scratch arrays.
 */
public final class SlopeSelection {
  private double[] pool;
  private double[] sortedAll;

  /** How many slopes there are: n(n-1)/2. */
  public long pairs() {
    return total;
  }

  /**
   * The slope of 1-based rank {@code rank} in ascending order (clamped to [1, N]); a fractional
   * rank interpolates linearly between its two neighbours.
   */
  public double atRank(double rank) {
    double r = Math.min(Math.max(rank, 1), total);
    long lowRank = (long) Math.floor(r);
    double lower = exact(lowRank);
    double frac = r - lowRank;
    if (frac == 0) {
      return lower;
    }
    return lower + frac * (exact(lowRank + 1) - lower);
  }

  private double exact(long k) {
    if (total <= PairwiseSlopes.BRUTE_FORCE_PAIRS) {
      if (sortedAll == null) {
        sortedAll = new double[(int) total];
        int c = 0;
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++) {
            sortedAll[c++] = (y[j] - y[i]) / (x[j] - x[i]);
          }
        }
        Arrays.sort(sortedAll);
      }
      return sortedAll[(int) k - 1];
    }
    if (listed != null && listedFrom < k && k <= listedFrom + listed.length) {
      return listed[(int) (k - listedFrom - 1)];
    }
    if (pool == null) {
      pool = initialSample();
    }
    return selectOne(k, pool);
  }

  private final double[] x;
  private final double[] y;
  private final int n;
  private final long total;
  private final SplittableRandom random;
  private final double[] keys;
  private final double[] scratch;
  private final double[] keysLo;
  private final double[] keysHi;
  private final double[] w;
  private final double[] wScratch;
  private final int[] ids;
  private final int[] idScratch;
  private final long budget;
  private final int poolSize;
  // Pairs collected by the current merge; a growable buffer reused between rounds.
  private double[] collected = new double[0];
  private int collectedCount;
  private long skip;
  // The slopes of the last fully listed interval (sorted) and the count of slopes below it.
  private double[] listed;
  private long listedFrom;
  private double logKeep;

  /**
   * Prepares a selection over {@code (x[i], y[i])}, i &lt; n, with strictly increasing x. {@code
   * seed} only steers the sampling; answers do not depend on it.
   */
  public SlopeSelection(double[] x, double[] y, int n, long seed) {
    if (n < 2) {
      throw new IllegalArgumentException("pairwise slopes need at least 2 points, got " + n);
    }
    for (int i = 1; i < n; i++) {
      if (!(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("positions must be strictly increasing at index " + i);
      }
    }
    this.n = n;
    this.total = PairwiseSlopes.pairCount(n);
    this.random = new SplittableRandom(seed);
    // Work relative to the first position: keeps y - t*x well conditioned for epoch times.
    this.x = new double[n];
    this.y = Arrays.copyOf(y, n);
    for (int i = 0; i < n; i++) {
      this.x[i] = x[i] - x[0];
    }
    keys = new double[n];
    scratch = new double[n];
    keysLo = new double[n];
    keysHi = new double[n];
    w = new double[n];
    wScratch = new double[n];
    ids = new int[n];
    idScratch = new int[n];
    budget = Math.max(4L * n, 8192);
    poolSize = Math.max(2 * n, 4096);
  }

  /** A uniform sample (with replacement) of all slopes, unordered. */
  private double[] initialSample() {
    int m = (int) Math.min(total, poolSize);
    double[] sample = new double[m];
    for (int s = 0; s < m; s++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
      sample[s] = (y[j] - y[i]) / (x[j] - x[i]);
    }
    return sample;
  }

  private double selectOne(long k, double[] firstPool) {
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    long cLo = 0;
    long cHi = total;
    double[] pool = firstPool;
    for (int round = 0; round < 64; round++) {
      long inside = cHi - cLo;
      if (inside <= budget || pool.length == 0) {
        break;
      }
      int m = pool.length;
      double q = (k - cLo - 0.5) / inside;
      double pos = q * m;
      double spread = 3 * Math.sqrt(m * q * (1 - q)) + 2;
      boolean narrowed = false;
      for (int attempt = 0; attempt < 4 && !narrowed; attempt++, spread *= 2) {
        int loIdx = (int) Math.floor(pos - spread);
        int hiIdx = (int) Math.ceil(pos + spread);
        // The pool is unordered: quickselect its order statistics (O(m) each).
        double nlo = loIdx < 0 ? lo : Ranks.select(pool, m, loIdx);
        double nhi = hiIdx >= m ? hi : Ranks.select(pool, m, hiIdx);
        if (nlo == nhi) {
          // Many equal slopes: the answer may be that value itself.
          long less = countLess(nlo);
          long atMost = countAtMost(nlo);
          if (less < k && k <= atMost) {
            return nlo;
          }
          continue;
        }
        long ncLo = nlo == lo ? cLo : countAtMost(nlo);
        long ncHi = nhi == hi ? cHi : countAtMost(nhi);
        if (ncLo < k && k <= ncHi) {
          lo = nlo;
          hi = nhi;
          cLo = ncLo;
          cHi = ncHi;
          narrowed = true;
        }
      }
      if (!narrowed || cHi - cLo <= budget) {
        break;
      }
      pool = collect(lo, hi, Math.min(1.0, (double) poolSize / (cHi - cLo)));
    }
    // Sampling could not narrow the interval enough (rare: heavy ties or an unlucky sample):
    // bisect on the slope value, counting, until it can be listed.
    for (int i = 0; i < 200 && cHi - cLo > budget; i++) {
      double left = lo == Double.NEGATIVE_INFINITY ? lowerBound() : lo;
      double right = hi == Double.POSITIVE_INFINITY ? maxSlope() : hi;
      double mid = left + (right - left) / 2;
      if (!(mid > left && mid < right)) {
        return right;
      }
      long c = countAtMost(mid);
      if (c < k) {
        lo = mid;
        cLo = c;
      } else {
        hi = mid;
        cHi = c;
      }
    }
    double[] inside = collect(lo, hi, 1.0);
    if (inside.length == 0) {
      return lo == Double.NEGATIVE_INFINITY ? hi : lo;
    }
    // Sorted once, the listed interval also answers the neighbouring ranks asked next (the two
    // middle slopes of an even count, interval limits close to each other).
    Arrays.sort(inside);
    if (inside.length == cHi - cLo) {
      listed = inside;
      listedFrom = cLo;
    }
    int r = (int) Math.min(Math.max(k - cLo - 1, 0), inside.length - 1);
    return inside[r];
  }

  /** The smallest slope: always between neighbours in x order. */
  private double minSlope() {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 1; i < n; i++) {
      min = Math.min(min, (y[i] - y[i - 1]) / (x[i] - x[i - 1]));
    }
    return min;
  }

  /** A value below every slope. */
  private double lowerBound() {
    double min = minSlope();
    return min - Math.max(1, Math.abs(min));
  }

  /** The largest slope: always between neighbours in x order. */
  private double maxSlope() {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 1; i < n; i++) {
      max = Math.max(max, (y[i] - y[i - 1]) / (x[i] - x[i - 1]));
    }
    return max;
  }

  /** How many slopes are at most t: pairs i &lt; j with u_j(t) &lt;= u_i(t). */
  private long countAtMost(double t) {
    for (int i = 0; i < n; i++) {
      keys[i] = y[i] - t * x[i];
    }
    return Inversions.nonStrict(keys, scratch, n);
  }

  /** How many slopes are below t: pairs i &lt; j with u_j(t) &lt; u_i(t). */
  private long countLess(double t) {
    for (int i = 0; i < n; i++) {
      keys[i] = y[i] - t * x[i];
    }
    return Inversions.strict(keys, scratch, n);
  }

  /**
   * The slopes in (lo, hi], each kept with probability {@code keep}: the pairs that come in one
   * order by u(lo) (ties by u(hi)) and in the other, or tied, by u(hi).
   */
  private double[] collect(double lo, double hi, double keep) {
    for (int i = 0; i < n; i++) {
      keysLo[i] = lo == Double.NEGATIVE_INFINITY ? x[i] : y[i] - lo * x[i];
      keysHi[i] = hi == Double.POSITIVE_INFINITY ? -x[i] : y[i] - hi * x[i];
    }
    // Order by u(lo), ties by u(hi): a merge sort carrying u(hi) and the index along.
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    Ranks.sortByTwoKeys(keysLo, keysHi, ids, n, scratch, wScratch, idScratch);
    System.arraycopy(keysHi, 0, w, 0, n);
    collectedCount = 0;
    logKeep = keep >= 1 ? 0 : Math.log1p(-keep);
    skip = keep >= 1 ? 0 : nextSkip();
    mergeEmitting(keep >= 1);
    return Arrays.copyOf(collected, collectedCount);
  }

  private long nextSkip() {
    double u = 1 - random.nextDouble(); // (0, 1]
    double g = Math.floor(Math.log(u) / logKeep);
    return g >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) g;
  }

  /** Merge-sorts w (with ids) and emits every pair i &lt; j with w[i] &gt;= w[j]. */
  private void mergeEmitting(boolean all) {
    final int run = 16;
    for (int lo = 0; lo < n; lo += run) {
      int hi = Math.min(lo + run, n);
      for (int i = lo + 1; i < hi; i++) {
        double v = w[i];
        int id = ids[i];
        int k = i;
        while (k > lo && w[k - 1] >= v) {
          emitOne(ids[k - 1], id, all);
          w[k] = w[k - 1];
          ids[k] = ids[k - 1];
          k--;
        }
        w[k] = v;
        ids[k] = id;
      }
    }
    double[] src = w;
    double[] dst = wScratch;
    int[] srcId = ids;
    int[] dstId = idScratch;
    for (int width = run; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          if (src[i] < src[j]) {
            dst[k] = src[i];
            dstId[k++] = srcId[i++];
          } else {
            emitRun(srcId, i, mid, srcId[j], all);
            dst[k] = src[j];
            dstId[k++] = srcId[j++];
          }
        }
        System.arraycopy(src, i, dst, k, mid - i);
        System.arraycopy(srcId, i, dstId, k, mid - i);
        k += mid - i;
        System.arraycopy(src, j, dst, k, hi - j);
        System.arraycopy(srcId, j, dstId, k, hi - j);
      }
      double[] t = src;
      src = dst;
      dst = t;
      int[] ti = srcId;
      srcId = dstId;
      dstId = ti;
    }
  }

  private void emitOne(int a, int b, boolean all) {
    if (all) {
      add(a, b);
    } else if (skip == 0) {
      add(a, b);
      skip = nextSkip();
    } else {
      skip--;
    }
  }

  private void emitRun(int[] srcId, int from, int to, int b, boolean all) {
    if (all) {
      for (int p = from; p < to; p++) {
        add(srcId[p], b);
      }
      return;
    }
    int p = from;
    while (true) {
      long available = to - p;
      if (skip >= available) {
        skip -= available;
        return;
      }
      p += (int) skip;
      add(srcId[p], b);
      p++;
      skip = nextSkip();
    }
  }

  private void add(int a, int b) {
    if (collectedCount == collected.length) {
      collected = Arrays.copyOf(collected, Math.max(1024, collected.length * 2));
    }
    collected[collectedCount++] = (y[b] - y[a]) / (x[b] - x[a]);
  }
}
