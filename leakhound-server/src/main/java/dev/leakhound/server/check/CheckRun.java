package dev.leakhound.server.check;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.ReportSummary;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.watch.TargetRuntime;
import dev.leakhound.server.watch.TargetState;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a watch that ran for a while into a {@link CheckResult}: the final verdicts, and the leak
 * reports opened since the watch began (a leak reported during a load test fails the check even if
 * the signal calmed down before the end).
 *
 * <p>Stateless and thread-safe.
 */
public final class CheckRun {
  private CheckRun() {}

  /** The result of the watch {@code service} ran since {@code startedMillis}. */
  public static CheckResult collect(WatchService service, long startedMillis, long endedMillis)
      throws SQLException {
    List<CheckResult.TargetResult> out = new ArrayList<>();
    boolean leak = false;
    for (TargetRuntime rt : service.watcher().targets()) {
      LeakReport report = null;
      for (LeakReport r : service.store().reports().list(rt.name(), null, 100)) {
        if (Instant.parse(r.openedAt()).toEpochMilli() >= startedMillis) {
          report = r;
          break;
        }
      }
      List<SignalVerdict> signals = List.copyOf(rt.verdicts().values());
      String verdict;
      if (report != null) {
        verdict = SignalVerdict.LEAK;
      } else if (rt.state() == TargetState.DOWN) {
        verdict = "down";
      } else {
        verdict = worst(signals);
      }
      leak |= verdict.equals(SignalVerdict.LEAK);
      ReportSummary s = report == null ? null : ReportSummary.of(report);
      out.add(
          new CheckResult.TargetResult(
              rt.name(),
              verdict,
              s == null ? List.of() : s.culprits(),
              s == null ? List.of() : s.goroutineGroups(),
              report == null ? null : report.id(),
              report == null ? null : report.pattern(),
              report == null ? describe(signals) : report.summary(),
              rt.lastError(),
              signals));
    }
    return new CheckResult(out, leak, (endedMillis - startedMillis) / 1000.0);
  }

  private static String worst(List<SignalVerdict> signals) {
    String worst = SignalVerdict.INSUFFICIENT_DATA;
    for (SignalVerdict v : signals) {
      if (SignalVerdict.rank(v.verdict()) > SignalVerdict.rank(worst)) {
        worst = v.verdict();
      }
    }
    return worst;
  }

  private static String describe(List<SignalVerdict> signals) {
    if (signals.isEmpty()) {
      return "no signal could be judged";
    }
    List<String> parts = new ArrayList<>();
    for (SignalVerdict v : signals) {
      parts.add(v.signal() + ": " + v.verdict());
    }
    return String.join(", ", parts);
  }
}
