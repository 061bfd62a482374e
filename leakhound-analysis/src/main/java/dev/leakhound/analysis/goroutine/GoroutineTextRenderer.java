package dev.leakhound.analysis.goroutine;

import dev.leakhound.analysis.goroutine.GoroutineReport.DumpSummary;
import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.formats.goroutine.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link GoroutineReport} for people: the suspects first, each with its pattern, reason,
 * remedy and full stack (as goleak prints leaked goroutines), then a table of the other groups (as
 * pprof's {@code -top} lists functions).
 *
 * <p>Stateless and thread-safe.
 */
public final class GoroutineTextRenderer implements Renderer<GoroutineReport> {
  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(GoroutineReport report, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    DumpSummary last =
        report.dumps().stream()
            .filter(d -> d.role().equals("snapshot"))
            .reduce((a, b) -> b)
            .orElseThrow();
    w.printf(
        "%d goroutines in %s (%s), %d groups, %d %s%n",
        report.total(),
        last.source(),
        last.kind(),
        report.groups().size(),
        report.suspects(),
        report.suspects() == 1 ? "suspect" : "suspects");
    if (report.dumps().size() > 1) {
      List<String> inputs = new ArrayList<>();
      for (DumpSummary d : report.dumps()) {
        inputs.add(
            d.source()
                + " ("
                + d.kind()
                + ", "
                + d.total()
                + (d.role().equals("snapshot") ? "" : ", leak listing")
                + ")");
      }
      w.println("inputs, oldest first: " + String.join(", ", inputs));
    }
    for (DumpSummary d : report.dumps()) {
      if (d.truncated()) {
        w.println(
            "note: "
                + d.source()
                + " was cut inside a goroutine (the runtime stops debug=2 dumps at 64 MiB);"
                + " the cut goroutine is left out");
      }
    }
    for (GoroutineGroup g : report.groups()) {
      if (g.suspect()) {
        suspect(w, g);
      }
    }
    if (report.groups().stream().anyMatch(g -> !g.suspect())) {
      w.println();
      w.println(report.suspects() > 0 ? "Other groups:" : "Groups:");
      w.printf("%8s  %-22s %-9s %s%n", "count", "state", "wait", "function");
      for (GoroutineGroup g : report.groups()) {
        if (!g.suspect()) {
          w.printf(
              "%8d  %-22s %-9s %s%s%n",
              g.count(),
              g.state(),
              waits(g),
              g.function(),
              g.location() == null ? "" : " (" + shortPosition(g.location()) + ")");
        }
      }
    }
    w.flush();
  }

  private static void suspect(PrintWriter w, GoroutineGroup g) {
    w.println();
    w.printf(
        "SUSPECT %d goroutines [%s%s] %s%n",
        g.count(), g.state(), g.maxWaitMinutes() == null ? "" : ", " + waits(g), g.function());
    if (g.location() != null) {
      w.println("  at       " + g.location());
    }
    if (g.createdBy() != null) {
      w.println(
          "  created  " + g.createdBy().function() + " (" + g.createdBy().shortPosition() + ")");
    }
    if (g.growth().size() > 1) {
      List<String> counts = new ArrayList<>();
      g.growth().forEach(c -> counts.add(Long.toString(c)));
      w.println("  growth   " + String.join(" -> ", counts));
    }
    w.println("  pattern  " + g.pattern().id() + ": " + g.pattern().description());
    w.println("  reason   " + g.reason());
    w.println("  remedy   " + g.remedy());
    w.println("  stack");
    for (Frame f : g.stack()) {
      w.println("    " + f.function());
      w.println("        " + f.position());
    }
  }

  private static String waits(GoroutineGroup g) {
    if (g.maxWaitMinutes() == null) {
      return "-";
    }
    if (g.maxWaitMinutes() == 0) {
      return "<1 min";
    }
    if (g.minWaitMinutes().equals(g.maxWaitMinutes())) {
      return g.maxWaitMinutes() + " min";
    }
    return g.minWaitMinutes() + "-" + g.maxWaitMinutes() + " min";
  }

  private static String shortPosition(String position) {
    int slash = Math.max(position.lastIndexOf('/'), position.lastIndexOf('\\'));
    return position.substring(slash + 1);
  }
}
