package dev.leakhound.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.support.Alertmanager;
import dev.leakhound.server.support.Api;
import dev.leakhound.server.support.Await;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.HostileServer;
import dev.leakhound.server.support.Judges;
import dev.leakhound.server.support.RecordingWebhook;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts end to end against a real Alertmanager started on loopback, and a webhook that is down for
 * a while: firing, re-sent while active, resolved with endsAt; retried with backoff; kept in the
 * outbox across a restart of Leakhound.
 */
class AlertingTest {
  @TempDir Path dir;

  @Test
  void aThresholdAlertFiresIsResentAndResolvesInAlertmanagerAndTheWebhook() throws Exception {
    try (Alertmanager am = new Alertmanager(dir.resolve("am"));
        HostileServer target = new HostileServer();
        RecordingWebhook hook = new RecordingWebhook()) {
      WatchConfig config = config(target, am, hook);
      hook.refuseNext(2);
      try (WatchService s =
          WatchService.start(
              config, CollectorRegistry.standard(), Judges.quiet(), Judges.nothing(), "test")) {
        Await.until(
            "Alertmanager has the alert", Duration.ofSeconds(60), () -> amAlert(am) != null);
        JsonNode a = amAlert(am);
        assertThat(a.get("labels").get("target").asText()).isEqualTo("good");
        assertThat(a.get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(a.get("labels").get("signal").asText()).isEqualTo("goroutines");
        assertThat(a.get("labels").get("team").asText()).isEqualTo("shop");
        assertThat(a.get("annotations").get("summary").asText()).isEqualTo("good: goroutines > 5");
        assertThat(a.get("status").get("state").asText()).isEqualTo("active");
        assertThat(Instant.parse(a.get("endsAt").asText())).isAfter(Instant.now());

        Api api = new Api(s.baseUrl(), null);
        Await.until(
            "the alert is re-sent to Alertmanager while active",
            Duration.ofSeconds(30),
            () -> count(api, "alertmanager", "delivered") >= 3);
        Await.until(
            "the webhook got the firing event after being down",
            Duration.ofSeconds(30),
            () -> hook.received().size() == 1);
        assertThat(hook.refused()).isEqualTo(2);
        JsonNode firing = JsonRenderer.mapper().readTree(hook.received().get(0));
        assertThat(firing.get("status").asText()).isEqualTo("firing");
        assertThat(firing.get("alert").get("name").asText()).isEqualTo("GoroutinesHigh");
        assertThat(firing.get("alert").get("value").asDouble()).isEqualTo(6.0);
        assertThat(
                deliveries(api).findValues("attempts").stream()
                    .mapToInt(JsonNode::asInt)
                    .max()
                    .orElse(0))
            .isEqualTo(3);

        target.goroutines(2);
        Await.until(
            "Alertmanager sees it resolved",
            Duration.ofSeconds(60),
            () -> {
              JsonNode r = amAlert(am);
              return r == null || !Instant.parse(r.get("endsAt").asText()).isAfter(Instant.now());
            });
        Await.until(
            "the webhook got the resolution",
            Duration.ofSeconds(30),
            () -> hook.received().size() == 2);
        JsonNode resolved = JsonRenderer.mapper().readTree(hook.received().get(1));
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("alert").get("endsAt").isNull()).isFalse();
        assertThat(api.json("/api/v1/alerts").get(0).get("state").asText()).isEqualTo("resolved");

        // The receiver goes down for good; the alert fires again and waits in the outbox.
        hook.refuseNext(1_000_000);
        target.goroutines(9);
        Await.until(
            "the new firing is queued",
            Duration.ofSeconds(30),
            () -> count(api, "chat", "pending") == 1);
      }
      hook.refuseNext(0);
      try (WatchService s =
          WatchService.start(
              config, CollectorRegistry.standard(), Judges.quiet(), Judges.nothing(), "test")) {
        Await.until(
            "the queued event is delivered after Leakhound restarts",
            Duration.ofSeconds(30),
            () -> hook.received().size() == 3);
        JsonNode again = JsonRenderer.mapper().readTree(hook.received().get(2));
        assertThat(count(new Api(s.baseUrl(), null), "chat", "delivered")).isEqualTo(3);
        assertThat(again.get("status").asText()).isEqualTo("firing");
        assertThat(again.get("alert").get("value").asDouble()).isEqualTo(9.0);
      }
    }
  }

  private WatchConfig config(HostileServer target, Alertmanager am, RecordingWebhook hook)
      throws Exception {
    return Configs.parse(
        dir,
        """
        listen: 127.0.0.1:0
        evaluation: {interval: 300ms}
        targets:
          - {name: good, kind: prometheus, address: %s/good/metrics, interval: 300ms, labels: {team: shop}}
        rules:
          - {name: GoroutinesHigh, when: "goroutines > 5", severity: warning}
        receivers:
          - {name: alertmanager, kind: alertmanager, url: %s, resendInterval: 1s}
          - {name: chat, kind: webhook, url: %s}
        """
            .formatted(target.base(), am.url(), hook.url()));
  }

  private static JsonNode amAlert(Alertmanager am) throws Exception {
    for (JsonNode a : am.alerts()) {
      if (a.get("labels").get("alertname").asText().equals("GoroutinesHigh")) {
        return a;
      }
    }
    return null;
  }

  private static JsonNode deliveries(Api api) throws Exception {
    return api.json("/api/v1/alerts").get(0).get("deliveries");
  }

  private static long count(Api api, String receiver, String status) throws Exception {
    long n = 0;
    for (JsonNode alert : api.json("/api/v1/alerts")) {
      for (JsonNode d : alert.get("deliveries")) {
        if (d.get("receiver").asText().equals(receiver)
            && d.get("status").asText().equals(status)) {
          n++;
        }
      }
    }
    return n;
  }
}
