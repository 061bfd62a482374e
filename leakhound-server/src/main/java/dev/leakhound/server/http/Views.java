package dev.leakhound.server.http;

import dev.leakhound.server.report.SignalVerdict;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the REST API that are not stored models (reports are {@link
 * dev.leakhound.server.report.LeakReport} as stored). Record component order is JSON key order;
 * README documents every shape.
 *
 * <p>Immutable.
 */
public final class Views {
  private Views() {}

  /**
   * {@code GET /api/v1/targets} rows. The first four keys are the contract scripts rely on.
   *
   * @param name the target name
   * @param kind go, prometheus, process
   * @param state ok, suspect, leak or down
   * @param lastError why it is down (the last scrape or capture error), or null
   * @param labels configured labels
   * @param address where it is scraped
   * @param intervalSeconds the scrape interval
   * @param lastScrape when it was last scraped (ISO-8601), or null
   * @param lastScrapeDurationMs how long that took
   * @param scrapes scrapes so far
   * @param errors failed scrapes so far
   * @param lifetimeStart when the current process lifetime began (ISO-8601), or null
   * @param openReport the id of the open report, or null
   * @param values the latest value of each signal
   * @param verdicts the latest verdict of each judged signal
   */
  public record TargetView(
      String name,
      String kind,
      String state,
      String lastError,
      Map<String, String> labels,
      String address,
      double intervalSeconds,
      String lastScrape,
      double lastScrapeDurationMs,
      long scrapes,
      long errors,
      String lifetimeStart,
      Long openReport,
      Map<String, Double> values,
      List<SignalVerdict> verdicts) {}

  /**
   * {@code GET /api/v1/targets/{name}/series/{signal}}: columns for a chart.
   *
   * @param target the target
   * @param signal the signal id
   * @param unit bytes, count or seconds
   * @param from the range start (ms)
   * @param to the range end (ms)
   * @param stepMillis the bucket width when downsampled, else 0
   * @param t times (ms)
   * @param v values (bucket means when downsampled)
   * @param min bucket minimums
   * @param max bucket maximums
   */
  public record SeriesView(
      String target,
      String signal,
      String unit,
      long from,
      long to,
      long stepMillis,
      long[] t,
      double[] v,
      double[] min,
      double[] max) {}

  /**
   * A stored profile.
   *
   * @param id the id
   * @param target the target
   * @param kind heap, goroutine, goroutine-debug1, goroutine-debug2, goroutineleak-debug1
   * @param t when captured (ISO-8601)
   * @param role baseline or capture
   * @param size stored bytes
   * @param url where to download it
   */
  public record ProfileView(
      long id, String target, String kind, String t, String role, long size, String url) {}

  /**
   * An alert with its deliveries.
   *
   * @param id the id
   * @param rule the rule (alertname)
   * @param target the target
   * @param state pending, firing or resolved
   * @param labels labels sent
   * @param annotations annotations sent
   * @param activeSince when the condition began to hold (ISO-8601)
   * @param firedAt when it fired (ISO-8601), or null
   * @param resolvedAt when it resolved (ISO-8601), or null
   * @param deliveries what was sent to each receiver, oldest first
   */
  public record AlertView(
      long id,
      String rule,
      String target,
      String state,
      Map<String, String> labels,
      Map<String, String> annotations,
      String activeSince,
      String firedAt,
      String resolvedAt,
      List<DeliveryView> deliveries) {}

  /**
   * One outbox message.
   *
   * @param receiver the receiver
   * @param status pending, delivered, failed or superseded
   * @param attempts attempts so far
   * @param lastError the last failure, or empty
   * @param createdAt when queued (ISO-8601)
   * @param deliveredAt when delivered (ISO-8601), or null
   */
  public record DeliveryView(
      String receiver,
      String status,
      int attempts,
      String lastError,
      String createdAt,
      String deliveredAt) {}

  /**
   * A chart marker.
   *
   * @param t when (ms)
   * @param kind restart, capture, report-opened, report-resolved, alert-firing, alert-resolved,
   *     down, up
   * @param detail words for a tooltip
   */
  public record EventView(long t, String kind, String detail) {}

  /** An error body: {@code {"error": "..."}}. */
  public record ErrorView(String error) {}
}
