package dev.leakhound.server.dashboard;

import dev.leakhound.server.http.Views;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the dashboard's own endpoints ({@code /api/v1/dashboard/...}): what the pages
 * draw, precomputed by the server so the browser only lays it out. Record component order is JSON
 * key order; README's Dashboard section lists the endpoints.
 *
 * <p>Immutable by convention (arrays are not copied; nobody modifies them after building).
 */
public final class DashboardViews {
  private DashboardViews() {}

  /**
   * {@code GET /api/v1/dashboard/overview}.
   *
   * @param generatedAt when the server built it (ms)
   * @param from the sparklines' range start (ms)
   * @param to the sparklines' range end (ms)
   * @param targets every target, in configuration order
   */
  public record Overview(long generatedAt, long from, long to, List<OverviewRow> targets) {}

  /**
   * One target on the overview.
   *
   * @param name the target
   * @param kind go, prometheus, process
   * @param state ok, suspect, leak or down
   * @param lastError why it is down, or null
   * @param labels its labels
   * @param scrapes scrapes so far (0: no data yet)
   * @param lastScrape when it was last scraped (ms), or null
   * @param openReport the open report's id, or null
   * @param floorSignal the signal of the sparkline and growth: heap_floor_bytes, or rss_bytes for
   *     targets without a heap floor
   * @param floor the latest value of that signal, or null
   * @param growthSignal the signal whose growth the row shows: the floor signal, unless another
   *     signal (goroutines, threads...) has a graver verdict that is growing, or null before the
   *     first evaluation
   * @param verdict that signal's verdict, or null before the first evaluation
   * @param growthPerHour its fitted growth per hour, or null
   * @param growthPerHourLow the low end of the slope's confidence interval, or null
   * @param growthPerHourHigh the high end, or null
   * @param timeToLimitSeconds the shortest time to a limit among all growing signals, or null
   * @param spark the floor signal's sparkline: times (seconds after {@code from}) and values
   */
  public record OverviewRow(
      String name,
      String kind,
      String state,
      String lastError,
      Map<String, String> labels,
      long scrapes,
      Long lastScrape,
      Long openReport,
      String floorSignal,
      Double floor,
      String growthSignal,
      String verdict,
      Double growthPerHour,
      Double growthPerHourLow,
      Double growthPerHourHigh,
      Double timeToLimitSeconds,
      Sparklines.Spark spark) {}

  /**
   * {@code GET /api/v1/dashboard/targets/{name}/charts}: everything the target page draws (its
   * header comes from {@code GET /api/v1/targets/{name}}).
   *
   * @param target the target name
   * @param from the range start (ms)
   * @param to the range end (ms)
   * @param maxPoints the most points any chart holds
   * @param charts memory, counts (goroutines, threads, fds) and GC activity, those with data
   * @param fits the fitted growth lines with their confidence bands, one per charted signal with a
   *     fitted verdict: the memory floor (resident memory without one), goroutines, threads, fds
   * @param events markers: restarts, captures, reports opened and resolved, alerts, down and up
   * @param reports the target's reports, newest first
   */
  public record Charts(
      String target,
      long from,
      long to,
      int maxPoints,
      List<Chart> charts,
      List<Fit> fits,
      List<Views.EventView> events,
      List<ReportMark> reports) {}

  /**
   * One chart, column-wise as uPlot draws it: a shared time axis and one value column per line,
   * null where a line has no point at that time.
   *
   * @param id memory, counts or gc
   * @param title the chart's title
   * @param unit bytes, count or per-minute
   * @param stepMillis the bucket width when downsampled, 0 for raw samples
   * @param t times (ms), ascending, at most {@code maxPoints}
   * @param lines the lines
   */
  public record Chart(
      String id, String title, String unit, long stepMillis, long[] t, List<Line> lines) {}

  /**
   * One line of a chart.
   *
   * @param signal the signal id (or a derived name such as {@code gc_per_minute})
   * @param label the legend's words
   * @param shown whether it is drawn at first (the legend toggles it)
   * @param v values (bucket means when downsampled)
   * @param min bucket minimums, or null when not downsampled
   * @param max bucket maximums, or null when not downsampled
   */
  public record Line(
      String signal, String label, boolean shown, Double[] v, Double[] min, Double[] max) {}

  /**
   * The fitted growth line of a signal (Theil-Sen slope and its interval, from the latest verdict)
   * through an anchor point: the line is {@code anchorValue + growthPerHour * (t - anchorT) / 1h}
   * over {@code [fromMillis, toMillis]}, and the band lies between the same with the low and high
   * slopes.
   *
   * @param signal the signal
   * @param verdict its verdict
   * @param confidence how sure the engine is
   * @param growthPerHour the slope per hour
   * @param growthPerHourLow the low end of its interval
   * @param growthPerHourHigh the high end
   * @param fromMillis the first sample judged
   * @param toMillis the last sample judged
   * @param anchorT the anchor's time (the median time of the judged samples)
   * @param anchorValue the fitted value there (Theil-Sen intercept: median of the residuals)
   * @param limit the limit, or null
   * @param timeToLimitSeconds seconds until the limit at the fitted slope, or null
   * @param evidence the verdict's one sentence
   */
  public record Fit(
      String signal,
      String verdict,
      double confidence,
      double growthPerHour,
      double growthPerHourLow,
      double growthPerHourHigh,
      long fromMillis,
      long toMillis,
      long anchorT,
      double anchorValue,
      Double limit,
      Double timeToLimitSeconds,
      String evidence) {}

  /**
   * A report of the target, for the report list and the markers' links.
   *
   * @param id the report id
   * @param verdict leak or suspect
   * @param state open or resolved
   * @param openedAt when it opened (ISO-8601)
   * @param resolvedAt when it resolved (ISO-8601), or null
   * @param pattern the named pattern, or null
   */
  public record ReportMark(
      long id, String verdict, String state, String openedAt, String resolvedAt, String pattern) {}

  /**
   * {@code GET /api/v1/dashboard/receivers}: the configured receivers and their outboxes.
   *
   * @param name the receiver
   * @param kind alertmanager or webhook
   * @param endpoint scheme, host and port it sends to (path and query left out: they may hold
   *     secrets)
   * @param pending messages waiting to be delivered
   */
  public record Receiver(String name, String kind, String endpoint, long pending) {}
}
