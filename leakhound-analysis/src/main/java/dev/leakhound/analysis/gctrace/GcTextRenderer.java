package dev.leakhound.analysis.gctrace;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link GcReport} for people: the summary, the live-heap trend, the advice with its
 * reasons, and the cycle table (the first {@value #HEAD} and the last {@value #TAIL} cycles of a
 * long trace; the JSON has them all).
 *
 * <p>Stateless and thread-safe.
 */
public final class GcTextRenderer implements Renderer<GcReport> {
  static final int HEAD = 5;
  static final int TAIL = 20;

  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(GcReport r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf(
        Locale.ROOT,
        "%d GC cycles over %.1f s in %s%s%n",
        r.cycles(),
        r.spanSeconds(),
        r.source(),
        r.cyclesPerMinute() == null
            ? ""
            : String.format(Locale.ROOT, " (%.2f cycles/min)", r.cyclesPerMinute()));
    if (r.cycles() > 0) {
      w.printf(
          Locale.ROOT,
          "GC CPU:     %d%% since start (runtime)%s%s%n",
          r.gcCpuPercent(),
          r.windowCpuPercent() == null
              ? ""
              : String.format(Locale.ROOT, ", %.2f%% over the trace", r.windowCpuPercent()),
          r.assistPercent() == null
              ? ""
              : String.format(Locale.ROOT, "; assists %.0f%% of GC CPU", r.assistPercent()));
      w.printf(
          Locale.ROOT,
          "heap goal:  up to %d MiB%s%n",
          r.maxGoalMB(),
          r.gomemlimitMB() == null
              ? " (GOMEMLIMIT not given)"
              : String.format(
                  Locale.ROOT,
                  ", %.0f%% of GOMEMLIMIT=%d MiB",
                  r.goalToLimitPercent(),
                  r.gomemlimitMB()));
      w.printf(Locale.ROOT, "GOGC:       %d (%s)%n", r.gogc(), r.gogcSource());
      LiveHeapTrend t = r.liveHeapTrend();
      w.printf(
          Locale.ROOT,
          "live heap:  %d -> %d MiB after GC (min %d, max %d); trend: %s%s%n",
          t.firstMB(),
          t.lastMB(),
          t.minMB(),
          t.maxMB(),
          t.verdict(),
          t.slopeMBPerHour() == null
              ? ""
              : String.format(Locale.ROOT, ", %.2f MiB/h", t.slopeMBPerHour()));
      w.println("            " + t.reason());
    }
    if (r.forcedCycles() > 0 || r.leakCheckCycles() > 0 || r.interleavedLines() > 0) {
      w.printf(
          Locale.ROOT,
          "also:       %d forced cycles, %d goroutine-leak checks, %d gc lines broken by other"
              + " output (skipped)%n",
          r.forcedCycles(),
          r.leakCheckCycles(),
          r.interleavedLines());
    }
    w.println();
    w.println("Advice:");
    int i = 1;
    for (GcAdvice a : r.advice()) {
      w.printf(
          Locale.ROOT,
          "  %d. %s%s%n     %s%n",
          i++,
          a.action(),
          a.setting() == null ? "" : ": " + a.setting(),
          a.reason());
    }
    List<GcCycleRow> rows = r.table();
    if (!rows.isEmpty()) {
      w.println();
      boolean cut = rows.size() > HEAD + TAIL;
      w.println(
          cut
              ? "Cycles (first " + HEAD + " and last " + TAIL + " of " + rows.size() + "):"
              : "Cycles:");
      w.printf(
          Locale.ROOT,
          "%7s %10s %5s %9s %9s %18s %8s %4s%n",
          "gc",
          "at s",
          "cpu%",
          "clock ms",
          "cpu ms",
          "start->end->live",
          "goal MB",
          "P");
      for (int k = 0; k < rows.size(); k++) {
        if (cut && k == HEAD) {
          w.println("    ...");
          k = rows.size() - TAIL;
        }
        GcCycleRow c = rows.get(k);
        w.printf(
            Locale.ROOT,
            "%7d %10.3f %5d %9.3f %9.3f %18s %8d %4d%s%n",
            c.number(),
            c.atSeconds(),
            c.gcCpuPercent(),
            c.clockMs(),
            c.cpuMs(),
            c.heapStartMB() + "->" + c.heapEndMB() + "->" + c.liveHeapMB(),
            c.goalMB(),
            c.procs(),
            c.forced() ? " forced" : "");
      }
    }
    w.flush();
  }
}
