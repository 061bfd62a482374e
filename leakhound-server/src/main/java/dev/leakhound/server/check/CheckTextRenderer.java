package dev.leakhound.server.check;

import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.report.ReportSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code leakhound check --format text}: one block per target, the leaking ones with their culprits
 * and goroutine groups.
 *
 * <p>Stateless and thread-safe.
 */
public final class CheckTextRenderer implements Renderer<CheckResult> {
  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(CheckResult r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf(
        "leakhound check: watched %d target%s for %s: %s%n",
        r.targets().size(),
        r.targets().size() == 1 ? "" : "s",
        Units.formatDuration(Duration.ofMillis((long) (r.durationSeconds() * 1000))),
        r.leakFound() ? "LEAK FOUND" : "no leak");
    for (CheckResult.TargetResult t : r.targets()) {
      w.printf(
          "%n%-20s %s%s%n",
          t.name(), t.verdict(), t.reportId() == null ? "" : "  (report " + t.reportId() + ")");
      w.println("  " + t.summary());
      if (t.lastError() != null) {
        w.println("  last error: " + t.lastError());
      }
      for (ReportSummary.CulpritRow c : t.culprits()) {
        w.printf(
            "  %10s  %s  %s:%d%n",
            "+" + Units.formatBytes(c.growthBytes()), c.function(), c.file(), c.line());
      }
      for (ReportSummary.GroupRow g : t.goroutineGroups()) {
        w.printf("  %6d (%+d)  %s [%s]%n", g.count(), g.growth(), g.function(), g.state());
      }
    }
    w.flush();
  }
}
