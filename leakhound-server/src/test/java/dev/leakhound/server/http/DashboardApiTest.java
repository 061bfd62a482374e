package dev.leakhound.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.support.Api;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.Judges;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's endpoints and files over HTTP, against a real watch service with a token. */
class DashboardApiTest {
  private static final String TOKEN = "dashboard-api-test-token-42";

  @TempDir static Path dir;
  private static WatchService service;

  @BeforeAll
  static void start() throws Exception {
    service =
        WatchService.start(
            Configs.parse(
                dir,
                """
                dataDir: ./data
                listen: 127.0.0.1:0
                token: %s
                targets:
                  - name: shop
                    kind: go
                    address: http://127.0.0.1:9
                    interval: 1h
                receivers:
                  - name: chat
                    kind: webhook
                    url: https://hooks.example.com/services/SECRET-PATH?key=SECRET-QUERY
                """
                    .formatted(TOKEN)),
            CollectorRegistry.standard(),
            Judges.quiet(),
            Judges.nothing(),
            "test");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void theDashboardFilesNeedNoTokenButItsDataDoes() throws Exception {
    Api anonymous = new Api(service.baseUrl(), null);

    assertThat(anonymous.get("/dashboard/").statusCode()).isEqualTo(200);
    assertThat(new String(anonymous.get("/dashboard/").body())).contains("js/app.js");
    assertThat(anonymous.get("/dashboard/js/app.js").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/dashboard/vendor/uplot/uPlot.esm.js").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/dashboard/overview").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/v1/dashboard/receivers").statusCode()).isEqualTo(401);
  }

  @Test
  void theOverviewHasARowPerTargetWithTheDocumentedKeys() throws Exception {
    JsonNode o = new Api(service.baseUrl(), TOKEN).json("/api/v1/dashboard/overview");

    assertThat(fields(o)).containsExactly("generatedAt", "from", "to", "targets");
    assertThat(o.get("to").asLong() - o.get("from").asLong()).isEqualTo(3_600_000);
    JsonNode row = o.get("targets").get(0);
    assertThat(fields(row))
        .containsExactly(
            "name",
            "kind",
            "state",
            "lastError",
            "labels",
            "scrapes",
            "lastScrape",
            "openReport",
            "floorSignal",
            "floor",
            "growthSignal",
            "verdict",
            "growthPerHour",
            "growthPerHourLow",
            "growthPerHourHigh",
            "timeToLimitSeconds",
            "spark");
    assertThat(row.get("name").asText()).isEqualTo("shop");
    assertThat(fields(row.get("spark"))).containsExactly("t", "v");
  }

  @Test
  void chartsOfAnUnknownTargetAreNotFoundAndATargetWithoutSamplesHasNone() throws Exception {
    Api api = new Api(service.baseUrl(), TOKEN);

    assertThat(api.get("/api/v1/dashboard/targets/nope/charts").statusCode()).isEqualTo(404);
    JsonNode c = api.json("/api/v1/dashboard/targets/shop/charts?range=15m");
    assertThat(fields(c))
        .containsExactly(
            "target", "from", "to", "maxPoints", "charts", "fits", "events", "reports");
    assertThat(c.get("charts")).isEmpty();
    assertThat(c.get("fits")).isEmpty();
    assertThat(api.get("/api/v1/dashboard/targets/shop/charts?maxPoints=5000").statusCode())
        .isEqualTo(400);
  }

  @Test
  void anOverviewRowShowsTheFloorsGrowthUnlessAnotherSignalIsGraver() {
    SignalVerdict floorOk = verdict(Signal.HEAP_FLOOR, SignalVerdict.NO_LEAK);
    SignalVerdict goroutinesLeak = verdict(Signal.GOROUTINES, SignalVerdict.LEAK);
    SignalVerdict threadsSuspect = verdict(Signal.THREADS, SignalVerdict.SUSPECT);

    assertThat(DashboardHandlers.shownGrowth(Map.of(), Signal.HEAP_FLOOR)).isNull();
    assertThat(
            DashboardHandlers.shownGrowth(
                Map.of(Signal.HEAP_FLOOR, floorOk, Signal.THREADS, threadsSuspect),
                Signal.HEAP_FLOOR))
        .isSameAs(threadsSuspect);
    assertThat(
            DashboardHandlers.shownGrowth(
                Map.of(
                    Signal.HEAP_FLOOR,
                    floorOk,
                    Signal.GOROUTINES,
                    goroutinesLeak,
                    Signal.THREADS,
                    threadsSuspect),
                Signal.HEAP_FLOOR))
        .isSameAs(goroutinesLeak);
    SignalVerdict floorLeak = verdict(Signal.HEAP_FLOOR, SignalVerdict.LEAK);
    assertThat(
            DashboardHandlers.shownGrowth(
                Map.of(Signal.HEAP_FLOOR, floorLeak, Signal.GOROUTINES, goroutinesLeak),
                Signal.HEAP_FLOOR))
        .as("a tie keeps the floor")
        .isSameAs(floorLeak);
  }

  private static SignalVerdict verdict(Signal signal, String verdict) {
    return new SignalVerdict(
        signal.id(),
        verdict,
        1.0,
        0.5,
        1.5,
        0.99,
        null,
        null,
        20,
        0,
        1,
        "",
        "",
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void receiversShowWhereTheySendWithoutThePathOrQueryThatMayHoldASecret() throws Exception {
    JsonNode r = new Api(service.baseUrl(), TOKEN).json("/api/v1/dashboard/receivers");

    assertThat(r).hasSize(1);
    assertThat(r.get(0).get("endpoint").asText()).isEqualTo("https://hooks.example.com");
    assertThat(r.toString()).doesNotContain("SECRET");
    assertThat(DashboardHandlers.endpoint(URI.create("http://127.0.0.1:9093/api")))
        .isEqualTo("http://127.0.0.1:9093");
  }

  @Test
  void aFlameGraphOfAMissingReportIsNotFound() throws Exception {
    Api api = new Api(service.baseUrl(), TOKEN);

    assertThat(api.get("/api/v1/dashboard/reports/77/flamegraph").statusCode()).isEqualTo(404);
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
