package dev.leakhound.analysis.jvm;

import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.formats.jvm.ClassHistogramEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A series of class histograms on dense class ids: instances and bytes per histogram and class, on
 * primitive arrays. A class absent from a histogram counts zero there; a name loaded by two class
 * loaders counts once, summed.
 *
 * <p>Not thread-safe; built once and read. Cost: 16 bytes per histogram and class.
 */
final class HistogramSeries {
  final List<String> names = new ArrayList<>();
  final List<String> modules = new ArrayList<>();
  boolean[] jdk;
  long[][] instances;
  long[][] bytes;
  long[] totalInstances;
  long[] totalBytes;

  static HistogramSeries of(List<ClassHistogram> series) {
    HistogramSeries s = new HistogramSeries();
    Map<String, Integer> ids = new HashMap<>();
    for (ClassHistogram h : series) {
      for (ClassHistogramEntry e : h.entries()) {
        Integer id = ids.get(e.className());
        if (id == null) {
          ids.put(e.className(), s.names.size());
          s.names.add(e.className());
          s.modules.add(e.module());
        } else if (s.modules.get(id) == null && e.module() != null) {
          s.modules.set(id, e.module());
        }
      }
    }
    int n = s.names.size();
    s.instances = new long[series.size()][n];
    s.bytes = new long[series.size()][n];
    s.totalInstances = new long[series.size()];
    s.totalBytes = new long[series.size()];
    for (int t = 0; t < series.size(); t++) {
      ClassHistogram h = series.get(t);
      for (ClassHistogramEntry e : h.entries()) {
        int id = ids.get(e.className());
        s.instances[t][id] += e.instances(); // one name, several class loaders
        s.bytes[t][id] += e.bytes();
      }
      s.totalInstances[t] = h.totalInstances();
      s.totalBytes[t] = h.totalBytes();
    }
    s.jdk = new boolean[n];
    for (int c = 0; c < n; c++) {
      s.jdk[c] = JvmClassNames.isJdk(s.names.get(c), s.modules.get(c));
    }
    return s;
  }

  /** Growth of {@code c} in {@code counts} from histogram {@code from} to the last. */
  long delta(long[][] counts, int c, int from) {
    return counts[counts.length - 1][c] - counts[from][c];
  }

  long instancesDelta(int c) {
    return instances[instances.length - 1][c] - instances[0][c];
  }

  long bytesDelta(int c) {
    return bytes[bytes.length - 1][c] - bytes[0][c];
  }
}
