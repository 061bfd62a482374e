package dev.leakhound.server.support;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.GoroutineGrowth;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.watch.TargetRuntime;
import java.util.List;

/** What the watched targets look like now, in words, for the message of a failed lab test. */
public final class WatchState {
  private WatchState() {}

  /** Each target's state and last error, its verdicts and its latest reports. */
  public static String describe(WatchService service, List<String> targets) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String name : targets) {
      TargetRuntime rt = service.watcher().target(name);
      sb.append(name).append(": ").append(rt.state().id());
      if (rt.lastError() != null) {
        sb.append(" (").append(rt.lastError()).append(')');
      }
      sb.append('\n');
      rt.verdicts()
          .values()
          .forEach(
              v ->
                  sb.append("    ")
                      .append(v.signal())
                      .append(' ')
                      .append(v.verdict())
                      .append(" points=")
                      .append(v.points())
                      .append(' ')
                      .append(v.evidence())
                      .append('\n'));
      for (LeakReport r : service.store().reports().list(name, null, 5)) {
        sb.append("    report ")
            .append(r.id())
            .append(' ')
            .append(r.state())
            .append(' ')
            .append(r.verdict())
            .append(' ')
            .append(r.pattern())
            .append(' ')
            .append(r.culprits().stream().map(Culprit::function).limit(5).toList())
            .append(' ')
            .append(r.goroutineGroups().stream().map(GoroutineGrowth::function).toList())
            .append(' ')
            .append(r.notes())
            .append(r.resolvedReason().isEmpty() ? "" : " resolved: " + r.resolvedReason())
            .append('\n');
        // What the report saw when it was written (or last refreshed).
        for (SignalVerdict v : r.signals()) {
          sb.append("      ")
              .append(v.signal())
              .append(' ')
              .append(v.verdict())
              .append(" points=")
              .append(v.points())
              .append(' ')
              .append(v.evidence())
              .append('\n');
        }
      }
    }
    return sb.toString();
  }
}
