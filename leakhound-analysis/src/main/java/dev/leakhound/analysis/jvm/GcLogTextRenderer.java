package dev.leakhound.analysis.jvm;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@link GcLogAnalysis} as text for a terminal: the collector and span, pause statistics with the
 * largest groups, concurrent cycles and stalls, the heap floor with its verdict, then the advice.
 *
 * <p>Stateless and thread-safe.
 */
public final class GcLogTextRenderer implements Renderer<GcLogAnalysis> {
  private static final int GROUPS = 8;

  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(GcLogAnalysis a, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    GcCounts c = a.collections();
    w.printf(
        Locale.ROOT,
        "GC log %s: %s%s, max heap %s, %d collections%s%n",
        a.source(),
        a.collector() == null ? "collector not logged" : a.collector(),
        a.jvmVersion() == null ? "" : " on JDK " + a.jvmVersion(),
        a.maxHeapBytes() < 0 ? "not logged" : Units.bytes(a.maxHeapBytes()),
        c.total(),
        a.spanSeconds() != null
            ? String.format(Locale.ROOT, " over %.1f s", a.spanSeconds())
            : "none".equals(a.timeBase()) ? " (no times in the log)" : "");
    w.printf(
        Locale.ROOT,
        "  young %d, mixed %d, full %d, degenerated %d, concurrent %d%n",
        c.young(),
        c.mixed(),
        c.full(),
        c.degenerated(),
        c.concurrent());
    w.println();
    DurationStats p = a.pauses();
    w.printf(
        Locale.ROOT,
        "Pauses: %d, total %s%s, p50 %s, p95 %s, max %s%n",
        p.count(),
        Units.millis(p.totalMillis()),
        a.gcTimePercent() == null
            ? ""
            : String.format(Locale.ROOT, " (%.1f%% of the time)", a.gcTimePercent()),
        Units.millis(p.p50Millis()),
        Units.millis(p.p95Millis()),
        Units.millis(p.maxMillis()));
    table(w, "by type", a.pausesByType());
    table(w, "by cause", a.pausesByCause());
    DurationStats cycles = a.concurrentCycles();
    if (cycles.count() > 0) {
      w.printf(
          Locale.ROOT,
          "Concurrent cycles: %d, total %s, p50 %s, max %s%n",
          cycles.count(),
          Units.millis(cycles.totalMillis()),
          Units.millis(cycles.p50Millis()),
          Units.millis(cycles.maxMillis()));
    }
    DurationStats stalls = a.allocationStalls();
    if (stalls.count() > 0) {
      w.printf(
          Locale.ROOT,
          "Allocation stalls: %d, total %s, max %s%n",
          stalls.count(),
          Units.millis(stalls.totalMillis()),
          Units.millis(stalls.maxMillis()));
    }
    w.println();
    floor(w, a.heapAfterGc());
    w.println();
    if (a.advice().isEmpty()) {
      w.println("Advice: none; nothing in this log calls for tuning.");
    } else {
      w.println("Advice");
      for (GcAdvice advice : a.advice()) {
        w.printf(Locale.ROOT, "  [%s] %s: %s%n", advice.severity(), advice.id(), advice.finding());
        w.printf(Locale.ROOT, "      %s%n", advice.action());
      }
    }
    w.flush();
  }

  private static void floor(PrintWriter w, HeapFloor f) {
    String basis =
        switch (f.basis()) {
          case "live" -> "live bytes after marking";
          case "after-full-and-mixed" -> "after full and mixed collections";
          default -> "after every collection";
        };
    if (f.points() == 0) {
      w.printf(Locale.ROOT, "Heap after GC: no collection logged its heap (%s)%n", basis);
    } else {
      w.printf(
          Locale.ROOT,
          "Heap after GC (%s, %d points): %s first, %s last, %s min, %s max%s%n",
          basis,
          f.points(),
          Units.bytes(f.firstBytes()),
          Units.bytes(f.lastBytes()),
          Units.bytes(f.minBytes()),
          Units.bytes(f.maxBytes()),
          f.lastShareOfMax() == null
              ? ""
              : String.format(
                  Locale.ROOT, "; last at %.0f%% of the max heap", f.lastShareOfMax() * 100));
    }
    FloorVerdict v = f.verdict();
    w.printf(Locale.ROOT, "  verdict: %s: %s%n", v.verdict(), v.reason());
  }

  private static void table(PrintWriter w, String title, List<DurationStats> groups) {
    if (groups.isEmpty()) {
      return;
    }
    w.printf(
        Locale.ROOT,
        "  %-36s %6s %10s %10s %10s %10s%n",
        title,
        "count",
        "total",
        "p50",
        "p95",
        "max");
    for (DurationStats g : groups.subList(0, Math.min(GROUPS, groups.size()))) {
      String key = g.key().length() > 36 ? g.key().substring(0, 33) + "..." : g.key();
      w.printf(
          Locale.ROOT,
          "  %-36s %6d %10s %10s %10s %10s%n",
          key,
          g.count(),
          Units.millis(g.totalMillis()),
          Units.millis(g.p50Millis()),
          Units.millis(g.p95Millis()),
          Units.millis(g.maxMillis()));
    }
    if (groups.size() > GROUPS) {
      w.printf(Locale.ROOT, "  ... %d more (--format json lists all)%n", groups.size() - GROUPS);
    }
  }
}
