package dev.leakhound.server.dashboard;

import dev.leakhound.server.store.SeriesData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts several series on one time axis, as uPlot wants a chart's data: the union of their times,
 * and per series a value column with null where it has no point. Downsampled series (whose points
 * stand for equal buckets starting at the range start) are snapped to their buckets' middles first,
 * so signals of the same scrapes land on the same times whichever samples each bucket averaged.
 *
 * <p>Immutable. Cost: O(n log n) in the points of all series.
 *
 * @param t the shared times, ascending
 * @param v value columns, one per input series, in input order
 * @param min minimum columns (null entries when that series is not downsampled)
 * @param max maximum columns (likewise)
 * @param stepMillis the largest bucket width of the inputs, 0 when none is downsampled
 */
public record ChartColumns(
    long[] t, List<Double[]> v, List<Double[]> min, List<Double[]> max, long stepMillis) {

  /** Aligns {@code series} (read for a range starting at {@code from}). */
  public static ChartColumns align(List<SeriesData> series, long from) {
    List<long[]> times = new ArrayList<>(series.size());
    int total = 0;
    long step = 0;
    for (SeriesData s : series) {
      long[] t = snapped(s, from);
      times.add(t);
      total += t.length;
      step = Math.max(step, s.stepMillis());
    }
    long[] all = new long[total];
    int k = 0;
    for (long[] t : times) {
      System.arraycopy(t, 0, all, k, t.length);
      k += t.length;
    }
    Arrays.sort(all);
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (n == 0 || all[i] != all[n - 1]) {
        all[n++] = all[i];
      }
    }
    long[] axis = Arrays.copyOf(all, n);
    List<Double[]> v = new ArrayList<>();
    List<Double[]> lo = new ArrayList<>();
    List<Double[]> hi = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      SeriesData s = series.get(i);
      long[] t = times.get(i);
      Double[] cv = new Double[n];
      Double[] cmin = s.stepMillis() > 0 ? new Double[n] : null;
      Double[] cmax = s.stepMillis() > 0 ? new Double[n] : null;
      for (int j = 0; j < t.length; j++) {
        int at = Arrays.binarySearch(axis, t[j]);
        cv[at] = s.v()[j];
        if (cmin != null) {
          cmin[at] = s.min()[j];
          cmax[at] = s.max()[j];
        }
      }
      v.add(cv);
      lo.add(cmin);
      hi.add(cmax);
    }
    return new ChartColumns(axis, v, lo, hi, step);
  }

  /**
   * The per-minute rate of a counter column (e.g. GC cycles): the change between neighbouring
   * points over the time between them; null at the first point, across gaps and where the counter
   * went down (the process restarted).
   */
  public static Double[] ratePerMinute(long[] t, Double[] counter) {
    Double[] out = new Double[t.length];
    int prev = -1;
    for (int i = 0; i < t.length; i++) {
      if (counter[i] == null) {
        continue;
      }
      if (prev >= 0 && t[i] > t[prev] && counter[i] >= counter[prev]) {
        out[i] = (counter[i] - counter[prev]) * 60_000.0 / (t[i] - t[prev]);
      }
      prev = i;
    }
    return out;
  }

  private static long[] snapped(SeriesData s, long from) {
    long step = s.stepMillis();
    if (step <= 0) {
      return s.t();
    }
    long[] out = new long[s.size()];
    for (int i = 0; i < out.length; i++) {
      long b = Math.floorDiv(s.t()[i] - from, step);
      out[i] = from + b * step + step / 2;
    }
    return out;
  }
}
