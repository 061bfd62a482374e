package dev.leakhound.formats.jvm;

import java.util.List;
import java.util.Locale;

/** Plain-text views of what the readers produced, for golden files: one fact per line. */
final class Dumps {
  private Dumps() {}

  static String histograms(List<ClassHistogram> histograms) {
    StringBuilder out = new StringBuilder();
    for (ClassHistogram h : histograms) {
      out.append(
          String.format(
              Locale.ROOT,
              "histogram at line %d: %d rows, total %d instances %d bytes, complete=%s,"
                  + " moduleColumn=%s%n",
              h.firstLine(),
              h.entries().size(),
              h.totalInstances(),
              h.totalBytes(),
              h.complete(),
              h.hasModuleColumn()));
      List<ClassHistogramEntry> rows = h.entries();
      for (int i = 0; i < rows.size(); i++) {
        ClassHistogramEntry e = rows.get(i);
        boolean interesting =
            i < 8
                || e.className().contains("$$Lambda")
                || e.className().startsWith("[L")
                || e.className().startsWith("demo.")
                || e.className().startsWith("com.example.")
                || e.className().startsWith("org.example.");
        if (interesting) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %4d %10d %12d %s%s%n",
                  i + 1,
                  e.instances(),
                  e.bytes(),
                  e.className(),
                  e.module() == null ? "" : "  [module " + e.module() + "]"));
        }
      }
    }
    return out.toString();
  }

  static String gcLog(GcLog log) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "collector=%s version=%s maxHeap=%d region=%d time=%s lines=%d collections=%d"
                + " notices=%d%n",
            log.collector(),
            log.jvmVersion(),
            log.maxHeapBytes(),
            log.regionSizeBytes(),
            log.timeBase(),
            log.lines(),
            log.collections().size(),
            log.notices().size()));
    for (GcCollection c : log.collections()) {
      out.append(
          String.format(
              Locale.ROOT,
              "GC(%d) line %d %s..%s %s '%s' cause=%s heap=%s->%s(%s) live=%s duration=%s%s%s%n",
              c.gcId(),
              c.line(),
              seconds(c.startSeconds()),
              seconds(c.endSeconds()),
              c.kind(),
              c.name(),
              c.cause(),
              size(c.heapBeforeBytes()),
              size(c.heapAfterBytes()),
              size(c.heapCommittedBytes()),
              size(c.liveBytes()),
              millis(c.durationMillis()),
              c.failures().isEmpty() ? "" : " failures=" + c.failures(),
              c.humongousRegionsAfter() < 0 ? "" : " humongous=" + c.humongousRegionsAfter()));
      for (GcPause p : c.pauses()) {
        out.append(
            String.format(
                Locale.ROOT,
                "    pause '%s' cause=%s %s at %s line %d%s%n",
                p.type(),
                p.cause(),
                millis(p.durationMillis()),
                seconds(p.atSeconds()),
                p.line(),
                p.heapAfterBytes() < 0
                    ? ""
                    : " heap="
                        + size(p.heapBeforeBytes())
                        + "->"
                        + size(p.heapAfterBytes())
                        + "("
                        + size(p.heapCommittedBytes())
                        + ")"));
      }
    }
    for (GcNotice n : log.notices()) {
      out.append(
          String.format(
              Locale.ROOT,
              "notice %s at %s line %d %s: %s%n",
              n.kind(),
              seconds(n.atSeconds()),
              n.line(),
              millis(n.durationMillis()),
              n.text()));
    }
    return out.toString();
  }

  private static String seconds(double s) {
    return Double.isNaN(s) ? "?" : String.format(Locale.ROOT, "%.3fs", s);
  }

  private static String millis(double ms) {
    return Double.isNaN(ms) ? "?" : String.format(Locale.ROOT, "%.3fms", ms);
  }

  private static String size(long bytes) {
    if (bytes < 0) {
      return "?";
    }
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + "M";
    }
    if (bytes % 1024 == 0) {
      return (bytes >> 10) + "K";
    }
    return bytes + "B";
  }
}
