package dev.leakhound.analysis.trend.eval;

import dev.leakhound.analysis.trend.TrendInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert rules a Prometheus user writes today, evaluated at every sample of the raw signal
 * (finer than any rule evaluation interval, which only favours them):
 *
 * <ul>
 *   <li><b>threshold</b>: {@code signal > T for: 5m}, with T = 80 % of the limit when the series
 *       has one, else twice the starting floor (the lowest value of the first 5 minutes), the way
 *       an operator picks "alert if the heap doubles";
 *   <li><b>predict_linear</b>: {@code predict_linear(signal[30m], 4h) > L for: 5m}: the
 *       least-squares line over the last 30 minutes, projected 4 hours ahead, crosses L (the limit,
 *       else the threshold rule's T).
 * </ul>
 *
 * <p>Stateless and thread-safe; O(n) per rule.
 */
public final class BaselineRules {
  /** The {@code for:} duration of both rules. */
  public static final double HOLD_SECONDS = 300;

  /** predict_linear's range. */
  public static final double WINDOW_SECONDS = 1800;

  /** predict_linear's horizon. */
  public static final double HORIZON_SECONDS = 4 * 3600;

  private BaselineRules() {}

  /** The static threshold T described above. */
  public static double threshold(TrendInput in) {
    if (!Double.isNaN(in.limit())) {
      return 0.8 * in.limit();
    }
    double start = Double.POSITIVE_INFINITY;
    for (int i = 0; i < in.size() && in.time(i) <= in.time(0) + 300; i++) {
      // A zero is "no collection yet" (Go's live heap before the first GC), not a floor.
      if (in.value(i) > 0) {
        start = Math.min(start, in.value(i));
      }
    }
    return 2 * start;
  }

  /** Times (unix seconds) when the threshold rule starts firing, one per alert episode. */
  public static List<Double> thresholdAlerts(TrendInput in) {
    double t = threshold(in);
    boolean[] condition = new boolean[in.size()];
    for (int i = 0; i < in.size(); i++) {
      condition[i] = !Double.isNaN(in.value(i)) && in.value(i) > t;
    }
    return held(in, condition);
  }

  /** Times when the predict_linear rule starts firing. */
  public static List<Double> predictLinearAlerts(TrendInput in) {
    double target = Double.isNaN(in.limit()) ? threshold(in) : in.limit();
    int n = in.size();
    boolean[] condition = new boolean[n];
    // Sliding sums over the samples in (t - window, t], on times relative to the first sample.
    double t0 = n == 0 ? 0 : in.time(0);
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int count = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(in.value(i))) {
        double x = in.time(i) - t0;
        sx += x;
        sy += in.value(i);
        sxx += x * x;
        sxy += x * in.value(i);
        count++;
      }
      while (in.time(tail) <= in.time(i) - WINDOW_SECONDS) {
        if (!Double.isNaN(in.value(tail))) {
          double x = in.time(tail) - t0;
          sx -= x;
          sy -= in.value(tail);
          sxx -= x * x;
          sxy -= x * in.value(tail);
          count--;
        }
        tail++;
      }
      if (count >= 2) {
        double den = count * sxx - sx * sx;
        if (den > 0) {
          double slope = (count * sxy - sx * sy) / den;
          double intercept = (sy - slope * sx) / count;
          double predicted = intercept + slope * (in.time(i) - t0 + HORIZON_SECONDS);
          condition[i] = predicted > target;
        }
      }
    }
    return held(in, condition);
  }

  /** Alert episodes: the condition held continuously for {@link #HOLD_SECONDS}. */
  private static List<Double> held(TrendInput in, boolean[] condition) {
    List<Double> alerts = new ArrayList<>();
    double since = Double.NaN;
    boolean firing = false;
    for (int i = 0; i < in.size(); i++) {
      if (Double.isNaN(in.value(i))) {
        continue;
      }
      if (!condition[i]) {
        since = Double.NaN;
        firing = false;
        continue;
      }
      if (Double.isNaN(since)) {
        since = in.time(i);
      }
      if (!firing && in.time(i) - since >= HOLD_SECONDS) {
        firing = true;
        alerts.add(in.time(i));
      }
    }
    return alerts;
  }
}
