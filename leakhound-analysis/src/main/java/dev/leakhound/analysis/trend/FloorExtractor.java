package dev.leakhound.analysis.trend;

import dev.leakhound.analysis.trend.stats.Ranks;
import java.util.Arrays;

/**
 * Finds the floor of one process lifetime of a signal, never judging the sawtooth: after-GC values
 * as they are (one point per change, since a value repeats until the next collection); with a GC
 * cycle counter, the minimum of each cycle; otherwise minima over consecutive windows longer than
 * the GC period, which is estimated from the drops of the sawtooth.
 *
 * <p>Stateless and thread-safe. O(n log n) (medians of gaps and drops), O(n) space.
 */
final class FloorExtractor {
  /** Windows span this many estimated GC periods, so each holds at least one collection. */
  private static final double PERIODS_PER_WINDOW = 4.0;

  /** And at least this many sampling intervals. */
  private static final double SAMPLES_PER_WINDOW = 4;

  private FloorExtractor() {}

  /** The floor of samples [from, to) of {@code in}; missing values are skipped. */
  static Floor extract(TrendInput in, int from, int to) {
    int m = 0;
    double[] t = new double[to - from];
    double[] v = new double[to - from];
    double[] gc = new double[to - from];
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(in.value(i))) {
        t[m] = in.time(i);
        v[m] = in.value(i);
        gc[m] = in.gcCycle(i);
        m++;
      }
    }
    t = Arrays.copyOf(t, m);
    v = Arrays.copyOf(v, m);
    if (m < 2) {
      return new Floor(t, v, "too few samples", Double.NaN, Double.NaN);
    }
    double step = medianGap(t);
    // Collections saw the heap, not counts of goroutines or threads: cycles group bytes only.
    if (in.hasGcCycles() && in.kind().unit() == SignalKind.Unit.BYTES) {
      Floor byCycle = perCycle(t, v, Arrays.copyOf(gc, m), step);
      if (byCycle != null) {
        return byCycle;
      }
    }
    if (in.kind().isFloor()) {
      return afterGc(t, v);
    }
    // Counts (goroutines, threads) have no collector sawtooth, only load: short windows do.
    double period = in.kind().unit() == SignalKind.Unit.COUNT ? Double.NaN : sawtoothPeriod(t, v);
    double window = Math.max(SAMPLES_PER_WINDOW * step, PERIODS_PER_WINDOW * period);
    if (Double.isNaN(window)) {
      window = SAMPLES_PER_WINDOW * step;
    }
    return windowMinima(t, v, window, period, "rolling minimum");
  }

  /** After-GC values: a run of equal values is one collection's result; keep its first sample. */
  private static Floor afterGc(double[] t, double[] v) {
    int m = t.length;
    double[] ft = new double[m];
    double[] fv = new double[m];
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || v[i] != v[i - 1]) {
        ft[k] = t[i];
        fv[k] = v[i];
        k++;
      }
    }
    double period = k > 1 ? (t[m - 1] - t[0]) / (k - 1) : Double.NaN;
    return new Floor(
        Arrays.copyOf(ft, k), Arrays.copyOf(fv, k), "after-gc values", Double.NaN, period);
  }

  /**
   * One point per GC cycle (the cycle's minimum) when cycles span several samples; rolling minima
   * over a few cycles when collections outpace sampling. Null when the counter never advances.
   */
  private static Floor perCycle(double[] t, double[] v, double[] gc, double step) {
    int m = t.length;
    double first = Double.NaN;
    double last = Double.NaN;
    for (double c : gc) {
      if (!Double.isNaN(c)) {
        first = Double.isNaN(first) ? c : first;
        last = c;
      }
    }
    if (Double.isNaN(first) || !(last > first)) {
      return null;
    }
    double period = (t[m - 1] - t[0]) / (last - first);
    if (period < 2 * step) {
      double window = Math.max(SAMPLES_PER_WINDOW * step, PERIODS_PER_WINDOW * period);
      return windowMinima(t, v, window, period, "rolling minimum");
    }
    double[] ft = new double[m];
    double[] fv = new double[m];
    int k = -1;
    double cycle = Double.NaN;
    for (int i = 0; i < m; i++) {
      double c = Double.isNaN(gc[i]) ? cycle : gc[i];
      if (k < 0 || c != cycle) {
        k++;
        cycle = c;
        ft[k] = t[i];
        fv[k] = v[i];
      } else if (v[i] < fv[k]) {
        ft[k] = t[i];
        fv[k] = v[i];
      }
    }
    k++;
    return new Floor(
        Arrays.copyOf(ft, k), Arrays.copyOf(fv, k), "per-gc-cycle minimum", Double.NaN, period);
  }

  /**
   * Minima over consecutive windows anchored at the first sample, so an evaluation on more data
   * keeps the earlier points; the window still filling is left out.
   */
  private static Floor windowMinima(
      double[] t, double[] v, double window, double period, String method) {
    int m = t.length;
    double[] ft = new double[m];
    double[] fv = new double[m];
    int k = 0;
    double origin = t[0];
    long current = -1;
    for (int i = 0; i < m; i++) {
      long block = (long) Math.floor((t[i] - origin) / window);
      if (origin + (block + 1) * window > t[m - 1]) {
        break;
      }
      if (block != current) {
        current = block;
        ft[k] = t[i];
        fv[k] = v[i];
        k++;
      } else if (v[i] < fv[k - 1]) {
        ft[k - 1] = t[i];
        fv[k - 1] = v[i];
      }
    }
    return new Floor(Arrays.copyOf(ft, k), Arrays.copyOf(fv, k), method, window, period);
  }

  /**
   * The time between collections, from the drops of the sawtooth: a drop is a fall larger than a
   * typical rise and than 5 % of the median level (a collection frees a good part of the heap;
   * noise on a floor does not). NaN when the signal never drops like that.
   */
  static double sawtoothPeriod(double[] t, double[] v) {
    int m = t.length;
    double[] rises = new double[m];
    int r = 0;
    for (int i = 1; i < m; i++) {
      double d = v[i] - v[i - 1];
      if (d > 0) {
        rises[r++] = d;
      }
    }
    if (r == 0) {
      return Double.NaN;
    }
    double typicalRise = Ranks.median(rises, r);
    double level = Ranks.median(Arrays.copyOf(v, m), m);
    double least = Math.max(typicalRise, 0.05 * level);
    int drops = 0;
    for (int i = 1; i < m; i++) {
      if (v[i - 1] - v[i] > least) {
        drops++;
      }
    }
    return drops == 0 ? Double.NaN : (t[m - 1] - t[0]) / drops;
  }

  static double medianGap(double[] t) {
    int m = t.length;
    if (m < 2) {
      return Double.NaN;
    }
    double[] gaps = new double[m - 1];
    for (int i = 1; i < m; i++) {
      gaps[i - 1] = t[i] - t[i - 1];
    }
    return Ranks.median(gaps, m - 1);
  }
}
