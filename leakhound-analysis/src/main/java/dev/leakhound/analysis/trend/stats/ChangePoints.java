package dev.leakhound.analysis.trend.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Change-point detection by binary segmentation (A. J. Scott and M. Knott, Biometrics 30, 1974)
 * with a piecewise-linear least-squares cost: a segment costs the residual sum of squares of its
 * own straight line, so a steady leak is one segment while a drop, a jump or a change of slope
 * splits it. The split with the largest cost reduction is taken first, while the reduction exceeds
 * the penalty, up to {@code maxChanges}. Segment costs come from prefix sums in O(1), so each split
 * scans its segment once: O(n log n) for balanced splits, O(n * maxChanges) at worst.
 *
 * <p>Chosen over PELT because only the last few regimes of a memory floor matter and the number of
 * changes is small; chosen over CUSUM because CUSUM assumes a constant level between changes and a
 * leaking floor has none. Stateless and thread-safe.
 */
public final class ChangePoints {
  private ChangePoints() {}

  /**
   * The indices where new segments start (sorted, each in [minSize, n - minSize]).
   *
   * @param x positions, strictly increasing
   * @param y values
   * @param n points used
   * @param minSize the fewest points a segment may have (at least 2)
   * @param penalty the least cost reduction, in squared units of y, that justifies a split
   * @param maxChanges the most change points returned
   */
  public static int[] binarySegmentation(
      double[] x, double[] y, int n, int minSize, double penalty, int maxChanges) {
    int size = Math.max(2, minSize);
    if (n < 2 * size || maxChanges <= 0) {
      return new int[0];
    }
    Prefix p = new Prefix(x, y, n);
    double scaledPenalty = penalty / (p.scale * p.scale);
    List<Segment> segments = new ArrayList<>();
    segments.add(Segment.of(p, 0, n, size));
    List<Integer> changes = new ArrayList<>();
    while (changes.size() < maxChanges) {
      int best = -1;
      for (int s = 0; s < segments.size(); s++) {
        Segment seg = segments.get(s);
        if (seg.split >= 0
            && seg.gain > scaledPenalty
            && (best < 0 || seg.gain > segments.get(best).gain)) {
          best = s;
        }
      }
      if (best < 0) {
        break;
      }
      Segment seg = segments.remove(best);
      changes.add(seg.split);
      segments.add(Segment.of(p, seg.from, seg.split, size));
      segments.add(Segment.of(p, seg.split, seg.to, size));
    }
    int[] out = changes.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /** A segment [from, to) with its best split (-1 if too short) and the cost that split saves. */
  private record Segment(int from, int to, int split, double gain) {
    static Segment of(Prefix p, int from, int to, int size) {
      if (to - from < 2 * size) {
        return new Segment(from, to, -1, 0);
      }
      double best = Double.POSITIVE_INFINITY;
      int at = -1;
      for (int t = from + size; t <= to - size; t++) {
        double c = p.cost(from, t) + p.cost(t, to);
        if (c < best) {
          best = c;
          at = t;
        }
      }
      return new Segment(from, to, at, p.cost(from, to) - best);
    }
  }

  /** Prefix sums of a normalized copy: x on [0, 1], y centred and scaled to about unit size. */
  private static final class Prefix {
    final double[] sx;
    final double[] sy;
    final double[] sxx;
    final double[] sxy;
    final double[] syy;
    final double scale;

    Prefix(double[] x, double[] y, int n) {
      double span = Math.max(x[n - 1] - x[0], Double.MIN_NORMAL);
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += y[i] / n;
      }
      double max = 0;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, Math.abs(y[i] - mean));
      }
      scale = max > 0 ? max : 1;
      sx = new double[n + 1];
      sy = new double[n + 1];
      sxx = new double[n + 1];
      sxy = new double[n + 1];
      syy = new double[n + 1];
      for (int i = 0; i < n; i++) {
        double u = (x[i] - x[0]) / span;
        double v = (y[i] - mean) / scale;
        sx[i + 1] = sx[i] + u;
        sy[i + 1] = sy[i] + v;
        sxx[i + 1] = sxx[i] + u * u;
        sxy[i + 1] = sxy[i] + u * v;
        syy[i + 1] = syy[i] + v * v;
      }
    }

    /** Residual sum of squares of the least-squares line through points [a, b). */
    double cost(int a, int b) {
      double m = b - a;
      double x1 = sx[b] - sx[a];
      double y1 = sy[b] - sy[a];
      double cxx = sxx[b] - sxx[a] - x1 * x1 / m;
      double cxy = sxy[b] - sxy[a] - x1 * y1 / m;
      double cyy = syy[b] - syy[a] - y1 * y1 / m;
      double rss = cxx > 1e-15 ? cyy - cxy * cxy / cxx : cyy;
      return Math.max(0, rss);
    }
  }
}
