package dev.leakhound.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.formats.prometheus.Exposition;
import dev.leakhound.formats.prometheus.PrometheusTextReader;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.ProfileRefs;
import dev.leakhound.server.store.ProfileRecord;
import dev.leakhound.server.support.Api;
import dev.leakhound.server.support.Await;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.HostileServer;
import dev.leakhound.server.support.Judges;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API's routes and shapes, and the bearer token guarding them. */
class ApiTest {
  private static final String TOKEN = "0123456789abcdef-token";

  @TempDir Path dir;

  @Test
  void routesAnswerWithTheDocumentedShapes() throws Exception {
    try (HostileServer target = new HostileServer();
        WatchService s = start(target, null)) {
      Api api = new Api(s.baseUrl(), null);
      Await.until(
          "the target is scraped",
          Duration.ofSeconds(20),
          () -> api.target("good").get("scrapes").asLong() >= 2);

      JsonNode t = api.json("/api/v1/targets").get(0);
      assertThat(fieldNames(t)).startsWith("name", "kind", "state", "lastError");
      assertThat(t.get("name").asText()).isEqualTo("good");
      assertThat(t.get("kind").asText()).isEqualTo("prometheus");
      assertThat(t.get("state").asText()).isEqualTo("ok");
      assertThat(t.get("lastError").isNull()).isTrue();
      assertThat(api.json("/api/v1/targets/good").get("values").get("rss_bytes").asDouble())
          .isPositive();

      assertThat(api.json("/api/v1/targets/good/series"))
          .extracting(JsonNode::asText)
          .contains("goroutines", "heap_inuse_bytes", "rss_bytes");
      JsonNode series = api.json("/api/v1/targets/good/series/goroutines?range=1h");
      assertThat(fieldNames(series))
          .containsExactly(
              "target", "signal", "unit", "from", "to", "stepMillis", "t", "v", "min", "max");
      assertThat(series.get("v").get(0).asDouble()).isEqualTo(6.0);
      assertThat(series.get("unit").asText()).isEqualTo("count");

      LeakReport stored = s.store().reports().insert(sampleReport(s), System.currentTimeMillis());
      JsonNode reports = api.json("/api/v1/reports");
      assertThat(fieldNames(reports.get(0)))
          .startsWith(
              "id", "target", "verdict", "openedAt", "resolvedAt", "culprits", "goroutineGroups");
      assertThat(fieldNames(reports.get(0).get("culprits").get(0)))
          .containsExactly("function", "file", "line", "growthBytes");
      assertThat(api.json("/api/v1/reports/" + stored.id()).get("remedy").asText())
          .isEqualTo("bound it");
      assertThat(api.json("/api/v1/reports?state=resolved")).isEmpty();

      ProfileRecord p =
          s.store()
              .profiles()
              .save(
                  "good",
                  "goroutine-debug2",
                  5,
                  "capture",
                  "x",
                  "goroutine 1 [running]:\n".getBytes(StandardCharsets.UTF_8));
      HttpResponse<byte[]> download = api.get("/api/v1/profiles/" + p.id());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(new String(download.body(), StandardCharsets.UTF_8))
          .isEqualTo("goroutine 1 [running]:\n");
      assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
          .isEqualTo("attachment; filename=\"good-goroutine-debug2-19700101T000000.005Z.txt\"");
      assertThat(api.json("/api/v1/profiles?target=good").get(0).get("url").asText())
          .isEqualTo("/api/v1/profiles/" + p.id());

      assertThat(api.json("/api/v1/alerts")).isEmpty();
      assertThat(api.json("/api/v1/targets/good/events?range=1h")).isNotNull();

      assertThat(api.get("/api/v1/targets/nope").statusCode()).isEqualTo(404);
      assertThat(new String(api.get("/api/v1/targets/nope").body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"error\":\"no target 'nope'\"}");
      assertThat(api.get("/api/v1/targets/good/series/nope").statusCode()).isEqualTo(404);
      assertThat(api.get("/api/v1/reports?state=maybe").statusCode()).isEqualTo(400);
      assertThat(api.get("/api/v1/targets/good/series/rss_bytes?from=tomorrow").statusCode())
          .isEqualTo(400);

      assertThat(new String(api.get("/healthz").body(), StandardCharsets.UTF_8)).isEqualTo("ok\n");
      assertThat(new String(api.get("/dashboard/").body(), StandardCharsets.UTF_8))
          .contains("<title>Leakhound</title>");
    }
  }

  @Test
  void ownMetricsAreValidPrometheusTextWithStateAndScrapeFigures() throws Exception {
    try (HostileServer target = new HostileServer();
        WatchService s = start(target, null)) {
      Api api = new Api(s.baseUrl(), null);
      Await.until(
          "the target is scraped",
          Duration.ofSeconds(20),
          () -> api.target("good").get("scrapes").asLong() >= 1);

      s.evaluate(); // verdicts without a slope yet must not break the exposition
      HttpResponse<byte[]> r = api.get("/metrics");
      Exposition e = PrometheusTextReader.read("own", r.body(), null);

      assertThat(r.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain; version=0.0.4");
      assertThat(e.samplesByName().get("leakhound_target_up").get(0).value()).isEqualTo(1.0);
      assertThat(e.samplesByName().get("leakhound_target_state"))
          .filteredOn(x -> x.value() == 1.0)
          .extracting(x -> x.label("state"))
          .containsExactly("ok");
      assertThat(e.samplesByName().get("leakhound_scrape_duration_seconds").get(0).value())
          .isPositive();
      assertThat(e.samplesByName())
          .containsKeys(
              "leakhound_scrapes_total",
              "leakhound_scrape_errors_total",
              "leakhound_scrapes_missed_total",
              "leakhound_reports_open",
              "leakhound_samples_written_total");
    }
  }

  @Test
  void withATokenEveryEndpointButHealthzRequiresIt() throws Exception {
    try (HostileServer target = new HostileServer();
        WatchService s = start(target, TOKEN)) {
      Api anonymous = new Api(s.baseUrl(), null);
      Api wrong = new Api(s.baseUrl(), "not-the-token-at-all");
      Api right = new Api(s.baseUrl(), TOKEN);
      for (String path :
          List.of(
              "/api/v1/targets",
              "/api/v1/reports",
              "/api/v1/alerts",
              "/metrics",
              "/api/v1/profiles/1",
              "/api/v1/dashboard/overview",
              "/api/v1/nothing-here")) {
        HttpResponse<byte[]> r = anonymous.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
            .as(path)
            .contains("Bearer realm=\"leakhound\"");
        assertThat(wrong.get(path).statusCode()).as(path).isEqualTo(401);
      }
      assertThat(new String(anonymous.get("/api/v1/targets").body(), StandardCharsets.UTF_8))
          .contains("requires a bearer token");
      assertThat(anonymous.get("/healthz").statusCode()).isEqualTo(200);
      // The dashboard's files hold no data (a browser cannot send the header when it navigates):
      // the page asks for the token and sends it with its API calls.
      assertThat(anonymous.get("/dashboard/index.html").statusCode()).isEqualTo(200);
      assertThat(right.get("/api/v1/targets").statusCode()).isEqualTo(200);
      assertThat(right.get("/metrics").statusCode()).isEqualTo(200);
      assertThat(right.get("/dashboard/").statusCode()).isEqualTo(200);
    }
  }

  private WatchService start(HostileServer target, String token) throws Exception {
    String yaml =
        """
        listen: 127.0.0.1:0
        %s
        targets:
          - {name: good, kind: prometheus, address: %s/good/metrics, interval: 500ms}
        """
            .formatted(token == null ? "" : "token: " + token, target.base());
    return WatchService.start(
        Configs.parse(dir, yaml),
        CollectorRegistry.standard(),
        Judges.quiet(),
        Judges.nothing(),
        "test");
  }

  private static LeakReport sampleReport(WatchService s) {
    return new LeakReport(
        0,
        "good",
        "leak",
        "2026-11-21T10:00:00Z",
        null,
        List.of(new Culprit("shop.(*SessionStore).Remember", "shop/cart.go", 44, 1 << 20, 3, 1.0)),
        List.of(),
        "unbounded-map",
        "good is leaking",
        "open",
        "",
        "a map",
        "bound it",
        null,
        List.of(),
        ProfileRefs.NONE,
        "x",
        "2026-11-21T10:00:00Z",
        List.of());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
