package dev.leakhound.analysis.trend;

/**
 * The load guard (see {@link LoadCheck}). Before the floor is segmented and tested, it fits the
 * floor of the whole lifetime as {@code a + b * rate + c * requests} by least squares and removes
 * the part that follows the rate, {@code b * (rate - mean rate)}; after the test it says whether
 * the growth followed the load, persisted under it, or rose with a load that only rose.
 * Package-private; stateless and thread-safe; O(n log n).
 */
final class LoadGuard {
  /** Below this coefficient of variation the rate is steady and cannot explain anything. */
  private static final double STEADY_VARIATION = 0.02;

  /** Rate and time this correlated mean load only rose: load and leak are confounded. */
  private static final double CONFOUNDED = 0.9;

  private LoadGuard() {}

  /**
   * The load at each floor point and the adjusted floor.
   *
   * @param rate requests per second at each point
   * @param total requests served since the lifetime started, at each point
   * @param meanRate mean of rate
   * @param variation standard deviation of rate over its mean
   * @param perRate b, floor units per request/s (never negative)
   * @param perRequest c, floor units per request served
   * @param adjusted the floor minus b (rate - mean rate); the floor itself when the load is steady
   */
  record Load(
      double[] rate,
      double[] total,
      double meanRate,
      double variation,
      double perRate,
      double perRequest,
      double[] adjusted) {
    boolean steady() {
      return !(meanRate > 0) || variation < STEADY_VARIATION;
    }
  }

  /**
   * The load at floor points (t, f) of samples [from, to) of {@code in}; null without a request
   * counter.
   *
   * @param rateWindow seconds over which the request rate at a point is measured
   */
  static Load measure(TrendInput in, int from, int to, double[] t, double[] f, double rateWindow) {
    if (!in.hasRequests() || t.length < 3) {
      return null;
    }
    int n = t.length;
    double[] rate = new double[n];
    double[] total = new double[n];
    double base = counterAt(in, from, to, in.time(from));
    for (int i = 0; i < n; i++) {
      double now = counterAt(in, from, to, t[i]);
      double before = counterAt(in, from, to, t[i] - rateWindow);
      double span = Math.min(rateWindow, t[i] - in.time(from));
      rate[i] = span > 0 && !Double.isNaN(now) && !Double.isNaN(before) ? (now - before) / span : 0;
      total[i] = Double.isNaN(now) || Double.isNaN(base) ? 0 : now - base;
    }
    double meanRate = mean(rate);
    double variation = meanRate > 0 ? Math.sqrt(variance(rate, meanRate)) / meanRate : 0;
    if (!(meanRate > 0) || variation < STEADY_VARIATION) {
      return new Load(rate, total, meanRate, variation, 0, 0, f);
    }
    double[] coefficients = fit(f, rate, total);
    // Load can only add memory: a negative rate coefficient is noise, not a load effect.
    double perRate = Math.max(0, coefficients[0]);
    double[] adjusted = new double[n];
    for (int i = 0; i < n; i++) {
      adjusted[i] = f[i] - perRate * (rate[i] - meanRate);
    }
    return new Load(rate, total, meanRate, variation, perRate, coefficients[1], adjusted);
  }

  /**
   * The guard's conclusion on the judged points [from, n) given the tests on the raw and the
   * adjusted floor (the adjusted one null when the load is steady).
   */
  static LoadCheck check(
      Load load, double[] t, double[] f, int from, WindowStats.Fit adjusted, double leakAlpha) {
    if (load == null) {
      return LoadCheck.none();
    }
    int n = t.length - from;
    double[] rate = java.util.Arrays.copyOfRange(load.rate(), from, t.length);
    double[] time = java.util.Arrays.copyOfRange(t, from, t.length);
    double[] floor = java.util.Arrays.copyOfRange(f, from, t.length);
    double rateTime = n > 2 ? correlation(rate, time) : Double.NaN;
    double floorRate = n > 2 ? correlation(floor, rate) : Double.NaN;
    LoadCheck.Outcome outcome;
    if (load.steady() || adjusted == null) {
      outcome = LoadCheck.Outcome.STEADY_LOAD;
    } else if (rateTime > CONFOUNDED && load.perRate() > 0) {
      outcome = LoadCheck.Outcome.ROSE_WITH_LOAD;
    } else if (adjusted.test().grows(leakAlpha)) {
      outcome = LoadCheck.Outcome.PERSISTS_UNDER_LOAD;
    } else {
      outcome = LoadCheck.Outcome.FOLLOWS_LOAD;
    }
    return new LoadCheck(
        outcome,
        load.meanRate(),
        load.variation(),
        finite(floorRate),
        finite(rateTime),
        load.steady() ? null : load.perRate(),
        load.steady() ? null : load.perRequest(),
        outcome == LoadCheck.Outcome.STEADY_LOAD || adjusted == null ? null : adjusted.test());
  }

  /** The counter at time {@code at}, linearly interpolated between samples of [from, to). */
  private static double counterAt(TrendInput in, int from, int to, double at) {
    double prevTime = Double.NaN;
    double prevValue = Double.NaN;
    int lo = from;
    int hi = to - 1;
    // Binary search for the last sample at or before `at`.
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (in.time(mid) <= at) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    for (int i = lo; i >= from && Double.isNaN(prevValue); i--) {
      if (!Double.isNaN(in.requests(i))) {
        prevTime = in.time(i);
        prevValue = in.requests(i);
      }
    }
    if (Double.isNaN(prevValue)) {
      return Double.NaN;
    }
    for (int i = lo + 1; i < to; i++) {
      if (!Double.isNaN(in.requests(i))) {
        if (in.time(i) <= prevTime || at <= prevTime) {
          return prevValue;
        }
        double frac = (at - prevTime) / (in.time(i) - prevTime);
        return prevValue + Math.min(1, frac) * (in.requests(i) - prevValue);
      }
    }
    return prevValue;
  }

  /** Least squares f = a + b * rate + c * total; returns {b, c}. */
  private static double[] fit(double[] f, double[] rate, double[] total) {
    int n = f.length;
    double mf = mean(f);
    double mr = mean(rate);
    double mt = mean(total);
    double rr = 0;
    double rt = 0;
    double tt = 0;
    double rf = 0;
    double tf = 0;
    for (int i = 0; i < n; i++) {
      double r = rate[i] - mr;
      double c = total[i] - mt;
      double y = f[i] - mf;
      rr += r * r;
      rt += r * c;
      tt += c * c;
      rf += r * y;
      tf += c * y;
    }
    double det = rr * tt - rt * rt;
    if (!(det > 1e-12 * rr * tt)) {
      return new double[] {rr > 0 ? rf / rr : 0, 0};
    }
    return new double[] {(rf * tt - tf * rt) / det, (tf * rr - rf * rt) / det};
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return a.length == 0 ? Double.NaN : s / a.length;
  }

  private static double variance(double[] a, double mean) {
    double s = 0;
    for (double v : a) {
      s += (v - mean) * (v - mean);
    }
    return a.length < 2 ? 0 : s / (a.length - 1);
  }

  static double correlation(double[] a, double[] b) {
    double ma = mean(a);
    double mb = mean(b);
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : Double.NaN;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
