package dev.leakhound.analysis.heap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two {@link HeapReport}s of the same process: classes are matched by name, dominators by
 * their path from a GC root (object addresses change between dumps; paths do not). Analyse both
 * dumps with a histogram of every class and a generous dominator list so that growth is not cut
 * off.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeapDiffCalculator {
  private static final int ROWS = 30;

  private HeapDiffCalculator() {}

  public static HeapDiffReport compare(HeapReport base, HeapReport current) {
    Map<String, long[]> classes = new LinkedHashMap<>();
    for (HeapReport.HistogramEntry h : base.histogram()) {
      classes.computeIfAbsent(h.className(), k -> new long[4])[0] += h.instances();
      classes.get(h.className())[2] += h.shallowBytes();
    }
    for (HeapReport.HistogramEntry h : current.histogram()) {
      classes.computeIfAbsent(h.className(), k -> new long[4])[1] += h.instances();
      classes.get(h.className())[3] += h.shallowBytes();
    }
    List<HeapDiffReport.ClassGrowth> grown = new ArrayList<>();
    classes.forEach(
        (name, v) -> {
          if (v[3] > v[2] || v[1] > v[0]) {
            grown.add(
                new HeapDiffReport.ClassGrowth(
                    name, v[0], v[1], v[1] - v[0], v[2], v[3], v[3] - v[2]));
          }
        });
    grown.sort(
        Comparator.comparingLong(HeapDiffReport.ClassGrowth::bytesDelta)
            .reversed()
            .thenComparing(HeapDiffReport.ClassGrowth::className));

    Map<List<String>, long[]> paths = new LinkedHashMap<>();
    Map<List<String>, String> names = new LinkedHashMap<>();
    collect(base, 0, paths, names);
    collect(current, 1, paths, names);
    List<HeapDiffReport.PathGrowth> pathGrowth = new ArrayList<>();
    paths.forEach(
        (path, v) -> {
          if (v[1] > v[0]) {
            pathGrowth.add(
                new HeapDiffReport.PathGrowth(path, names.get(path), v[0], v[1], v[1] - v[0]));
          }
        });
    pathGrowth.sort(Comparator.comparingLong(HeapDiffReport.PathGrowth::retainedDelta).reversed());
    return new HeapDiffReport(
        base.file(),
        current.file(),
        base.partial() || current.partial(),
        current.objects() - base.objects(),
        current.reachableBytes() - base.reachableBytes(),
        grown.size() > ROWS ? grown.subList(0, ROWS) : grown,
        pathGrowth.size() > ROWS ? pathGrowth.subList(0, ROWS) : pathGrowth,
        current.suspects());
  }

  private static void collect(
      HeapReport report,
      int side,
      Map<List<String>, long[]> paths,
      Map<List<String>, String> names) {
    Map<List<String>, Long> seen = new LinkedHashMap<>();
    for (HeapReport.Dominator d : report.dominators()) {
      seen.merge(d.pathToRoot(), d.retainedBytes(), Long::sum);
      names.putIfAbsent(d.pathToRoot(), d.className());
    }
    for (HeapReport.Suspect s : report.suspects()) {
      if (s.kind().equals("dominator") && !seen.containsKey(s.pathToRoot())) {
        seen.put(s.pathToRoot(), s.retainedBytes());
        names.putIfAbsent(s.pathToRoot(), s.className());
      }
    }
    seen.forEach((path, bytes) -> paths.computeIfAbsent(path, k -> new long[2])[side] = bytes);
  }
}
