package dev.leakhound.server.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.formats.prometheus.Exposition;
import dev.leakhound.formats.prometheus.MetricSample;
import dev.leakhound.formats.prometheus.PrometheusTextReader;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.support.Api;
import dev.leakhound.server.support.Await;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.FrozenMetrics;
import dev.leakhound.server.support.Judges;
import dev.leakhound.server.support.Prometheus;
import dev.leakhound.testkit.LabProcess;
import dev.leakhound.testkit.RepoRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same lab /metrics fed to a real Prometheus and to Leakhound give the same values: every
 * series Prometheus ingests from a captured go-shop exposition equals what Leakhound's reader
 * parses, the signals Leakhound stores equal Prometheus's values of their source metrics, and for
 * the live go-shop both agree on what does not change (its start time).
 */
class PrometheusParityTest {
  @TempDir Path dir;

  @Test
  void prometheusAndLeakhoundReadTheSameValuesFromTheSameLabMetrics() throws Exception {
    try (LabProcess shop = LabProcess.startGoShop("map-leak,steady", 4096, 0)) {
      Process load = LabProcess.startLoad(shop.baseUrl(), "50/s for 2s", Duration.ofSeconds(10));
      assertThat(load.waitFor()).isZero();
      HttpResponse<byte[]> captured =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      try (FrozenMetrics frozen =
              new FrozenMetrics(
                  captured.body(), captured.headers().firstValue("Content-Type").orElseThrow());
          FrozenMetrics om =
              new FrozenMetrics(
                  Files.readAllBytes(
                      RepoRoot.resolve("testdata/prometheus/client_golang-1.22.om.txt")),
                  "application/openmetrics-text; version=1.0.0; charset=utf-8");
          Prometheus prom =
              new Prometheus(
                  dir.resolve("prom"),
                  Map.of(
                      "frozen",
                      frozen.url(),
                      "om",
                      om.url(),
                      "live",
                      shop.baseUrl() + "/metrics"));
          WatchService s =
              WatchService.start(
                  Configs.parse(
                      dir,
                      """
                      listen: 127.0.0.1:0
                      targets:
                        - {name: frozen, kind: prometheus, address: %s, interval: 1s}
                        - {name: om, kind: prometheus, address: %s, interval: 1s}
                        - {name: live, kind: go, address: %s, interval: 1s}
                      """
                          .formatted(frozen.url(), om.url(), shop.baseUrl())),
                  CollectorRegistry.standard(),
                  Judges.quiet(),
                  Judges.nothing(),
                  "test")) {
        Await.until(
            "Prometheus has scraped both jobs",
            Duration.ofSeconds(60),
            () -> prom.query("up{job=~\"frozen|om|live\"} == 1").size() == 3);
        Api api = new Api(s.baseUrl(), null);
        Await.until(
            "Leakhound has scraped both targets",
            Duration.ofSeconds(60),
            () ->
                api.target("frozen").get("scrapes").asLong() > 0
                    && api.target("om").get("scrapes").asLong() > 0
                    && api.target("live").get("scrapes").asLong() > 0);

        // 1. Every series Prometheus ingested equals what Leakhound's reader parses.
        Exposition parsed = PrometheusTextReader.read("captured", captured.body(), null);
        Map<String, Double> ours = new HashMap<>();
        for (List<MetricSample> list : parsed.samplesByName().values()) {
          for (MetricSample m : list) {
            ours.put(key(m.name(), m.labels()), m.value());
          }
        }
        JsonNode theirs = prom.query("{job=\"frozen\",__name__!~\"up|scrape_.*\"}");
        assertThat(theirs.size()).isEqualTo(ours.size()).isGreaterThan(50);
        for (JsonNode series : theirs) {
          Map<String, String> labels = new TreeMap<>();
          for (Map.Entry<String, JsonNode> e : series.get("metric").properties()) {
            if (!e.getKey().equals("job")
                && !e.getKey().equals("instance")
                && !e.getKey().equals("__name__")) {
              labels.put(e.getKey(), e.getValue().asText());
            }
          }
          String k = key(series.get("metric").get("__name__").asText(), labels);
          double value = Double.parseDouble(series.get("value").get(1).asText());
          assertThat(ours).as(k).containsKey(k);
          assertThat(ours.get(k)).as(k).isEqualTo(value);
        }

        // 2. The signals Leakhound stores are Prometheus's values of their source metrics, from
        // text 0.0.4 and from OpenMetrics (the same program's exposition in both formats).
        Map<String, String> sources =
            Map.of(
                "heap_inuse_bytes", "go_memstats_heap_inuse_bytes",
                "heap_alloc_bytes", "go_memstats_heap_alloc_bytes",
                "heap_goal_bytes", "go_memstats_next_gc_bytes",
                "goroutines", "go_goroutines",
                "rss_bytes", "process_resident_memory_bytes",
                "open_fds", "process_open_fds",
                "gc_cycles", "go_gc_duration_seconds_count",
                "start_time_seconds", "process_start_time_seconds");
        for (String job : List.of("frozen", "om")) {
          JsonNode values = api.target(job).get("values");
          for (Map.Entry<String, String> e : sources.entrySet()) {
            double prometheus =
                Double.parseDouble(
                    prom.query(e.getValue() + "{job=\"" + job + "\"}")
                        .get(0)
                        .get("value")
                        .get(1)
                        .asText());
            assertThat(values.get(e.getKey()).asDouble())
                .as(job + " " + e.getKey())
                .isEqualTo(prometheus);
          }
        }

        // 3. Live, both agree on what does not change.
        double promStart =
            Double.parseDouble(
                prom.query("process_start_time_seconds{job=\"live\"}")
                    .get(0)
                    .get("value")
                    .get(1)
                    .asText());
        assertThat(api.target("live").get("values").get("start_time_seconds").asDouble())
            .isEqualTo(promStart);
      }
    }
  }

  private static String key(String name, Map<String, String> labels) {
    return name + new TreeMap<>(labels);
  }
}
