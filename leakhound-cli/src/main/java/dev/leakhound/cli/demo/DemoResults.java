package dev.leakhound.cli.demo;

import static dev.leakhound.cli.demo.Demo.CATALOG;
import static dev.leakhound.cli.demo.Demo.ORDERS;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.LeakReportTextRenderer;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.watch.TargetRuntime;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The end of {@code leakhound demo}: what it found, written for a person at a terminal. Reads the
 * watch service's store and verdicts, never changes them. One per demo run; not thread-safe.
 */
final class DemoResults {
  private final PrintWriter out;

  DemoResults(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints each leaking service's report (or why it is not confirmed), the control's verdicts, a
   * summary line per service and the URLs to open.
   */
  void print(WatchService s, Map<String, LeakReport> reports, String base, String noJvm)
      throws Exception {
    for (Map.Entry<String, LeakReport> e : reports.entrySet()) {
      out.println();
      String name = e.getKey();
      if (e.getValue() != null) {
        out.println(banner(name + ": LEAK"));
        new LeakReportTextRenderer(base).write(e.getValue(), out, "");
      } else {
        out.println(banner(name + ": not confirmed within 3 minutes"));
        out.println(
            "The verdict engine has not called it a leak yet (a busy machine slows everything"
                + " down);");
        out.println("run 'leakhound demo --keep-running' to keep watching.");
        verdicts(s.watcher().target(name));
      }
    }
    out.println();
    boolean reported = !s.store().reports().list(CATALOG, null, 1).isEmpty();
    out.println(
        banner(CATALOG + ": " + (reported ? "REPORTED (it should not have been)" : "no leak")));
    out.println("Its memory rises with load and a cache fills up, then levels off: not leaks.");
    verdicts(s.watcher().target(CATALOG));
    out.println();
    out.println("Summary:");
    for (Map.Entry<String, LeakReport> e : reports.entrySet()) {
      LeakReport r = e.getValue();
      out.printf(
          "  %-9s %s%n",
          e.getKey(),
          r == null
              ? "leak not confirmed in time"
              : "LEAK, report %d: %s (%s)"
                  .formatted(
                      r.id(),
                      r.culprits().isEmpty() ? "?" : r.culprits().get(0).function(),
                      r.pattern()));
    }
    out.printf("  %-9s %s%n", CATALOG, reported ? "REPORTED (it should not have been)" : "no leak");
    if (noJvm != null) {
      out.printf("  %-9s left out: %s%n", ORDERS, noJvm);
    }
    out.println();
    out.println("Open:");
    out.printf("  dashboard  %s/dashboard/%n", base);
    for (Map.Entry<String, LeakReport> e : reports.entrySet()) {
      if (e.getValue() != null) {
        out.printf(
            "  report     %s/api/v1/reports/%d  (%s)%n", base, e.getValue().id(), e.getKey());
      }
    }
    out.printf("  targets    %s/api/v1/targets%n", base);
    out.printf("  metrics    %s/metrics%n", base);
    out.flush();
  }

  private static String banner(String title) {
    return "== " + title + " " + "=".repeat(Math.max(3, 76 - title.length()));
  }

  private void verdicts(TargetRuntime rt) {
    List<SignalVerdict> vs =
        rt.verdicts().values().stream()
            .sorted(Comparator.comparing(SignalVerdict::signal))
            .toList();
    for (SignalVerdict v : vs) {
      out.printf("  %-17s %-17s %s%n", v.signal(), v.verdict(), v.evidence());
    }
  }
}
