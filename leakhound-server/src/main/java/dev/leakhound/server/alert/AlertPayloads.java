package dev.leakhound.server.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.store.AlertRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON bodies Leakhound POSTs: to Alertmanager, the API v2 alert list ({@code POST
 * /api/v2/alerts}); to a webhook, one event per state change. README documents both.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlertPayloads {
  private AlertPayloads() {}

  /** An Alertmanager v2 postable alert. Component order is the JSON shape. */
  public record AlertmanagerAlert(
      Map<String, String> labels,
      Map<String, String> annotations,
      String startsAt,
      String endsAt,
      String generatorURL) {}

  /** The webhook body. Component order is the JSON shape. */
  public record WebhookEvent(
      String version, String status, String receiver, String externalURL, WebhookAlert alert) {}

  /** The alert inside a webhook event. */
  public record WebhookAlert(
      String name,
      String target,
      String severity,
      Map<String, String> labels,
      Map<String, String> annotations,
      String startsAt,
      String endsAt,
      Double value) {}

  /**
   * The Alertmanager body for {@code a}: while firing, {@code endsAt} lies four resend intervals
   * ahead (so Alertmanager resolves it by itself should Leakhound vanish); once resolved, it is the
   * resolution time.
   */
  public static String alertmanager(AlertRecord a, String generatorUrl, Duration resend, long now) {
    String endsAt =
        AlertRecord.RESOLVED.equals(a.state())
            ? iso(a.resolvedAt())
            : iso(now + 4 * resend.toMillis());
    return json(
        List.of(
            new AlertmanagerAlert(
                new TreeMap<>(a.labels()),
                new TreeMap<>(a.annotations()),
                iso(a.firedAt() > 0 ? a.firedAt() : a.activeSince()),
                endsAt,
                generatorUrl)));
  }

  /** The webhook body for {@code a}'s current state. */
  public static String webhook(AlertRecord a, String receiver, String externalUrl) {
    boolean resolved = AlertRecord.RESOLVED.equals(a.state());
    return json(
        new WebhookEvent(
            "1",
            resolved ? "resolved" : "firing",
            receiver,
            externalUrl,
            new WebhookAlert(
                a.rule(),
                a.target(),
                a.labels().getOrDefault("severity", ""),
                new TreeMap<>(a.labels()),
                new TreeMap<>(a.annotations()),
                iso(a.firedAt() > 0 ? a.firedAt() : a.activeSince()),
                resolved ? iso(a.resolvedAt()) : null,
                Double.isNaN(a.value()) ? null : a.value())));
  }

  static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static String json(Object o) {
    try {
      return JsonRenderer.mapper()
          .writer()
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
