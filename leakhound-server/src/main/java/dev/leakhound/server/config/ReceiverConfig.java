package dev.leakhound.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where alerts go: a Prometheus Alertmanager (API v2) or a generic JSON webhook.
 *
 * <p>Immutable.
 *
 * @param name unique name, shown with delivery status
 * @param kind {@code alertmanager} or {@code webhook}
 * @param url Alertmanager's base URL ({@code http://host:9093}) or the webhook URL
 * @param headers extra request headers (e.g. an authorization header for the webhook)
 * @param resendInterval how often an active alert is re-sent to Alertmanager
 * @param giveUpAfter how long a delivery is retried before it is marked failed
 * @param timeout the per-request timeout
 */
public record ReceiverConfig(
    String name,
    String kind,
    URI url,
    Map<String, String> headers,
    Duration resendInterval,
    Duration giveUpAfter,
    Duration timeout) {
  public static final String ALERTMANAGER = "alertmanager";
  public static final String WEBHOOK = "webhook";

  public ReceiverConfig {
    headers = Map.copyOf(headers);
  }
}
