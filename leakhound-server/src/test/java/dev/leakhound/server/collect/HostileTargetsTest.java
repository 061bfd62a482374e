package dev.leakhound.server.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.support.Api;
import dev.leakhound.server.support.Await;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.HostileServer;
import dev.leakhound.server.support.Judges;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets that misbehave in every way a scrape can meet (a gzip bomb, an endless body, a slow drip,
 * an HTML page, a malformed profile) are each marked down with a reason that says what happened,
 * while a good target beside them is scraped on time, and memory stays bounded.
 */
class HostileTargetsTest {
  @TempDir Path dir;

  @Test
  void hostileTargetsAreDownWithAClearReasonAndTheGoodOneIsUnaffected() throws Exception {
    try (HostileServer hostile = new HostileServer()) {
      String b = hostile.base();
      String yaml =
          """
          listen: 127.0.0.1:0
          # Each hostile target has to trip over its own limit, not over a clock: 10 s is ample
          # for a loaded machine to inflate 64 MiB or read 1 MiB. Only the drip is stopped by
          # its timeout, and the good one is scraped every 2 s meanwhile.
          defaults: {interval: 10s, timeout: 10s}
          targets:
            - {name: good, kind: prometheus, address: %1$s/good/metrics, interval: 2s}
            - {name: bomb, kind: prometheus, address: %1$s/bomb/metrics}
            - {name: endless, kind: prometheus, address: %1$s/endless/metrics, maxBodySize: 1MiB}
            - {name: drip, kind: prometheus, address: %1$s/drip/metrics}
            - {name: html, kind: prometheus, address: %1$s/html/metrics}
            - {name: badpprof, kind: go, address: %1$s/badpprof}
            - {name: refused, kind: prometheus, address: "http://127.0.0.1:1/metrics"}
          """
              .formatted(b);
      try (WatchService s =
          WatchService.start(
              Configs.parse(dir, yaml),
              CollectorRegistry.standard(),
              Judges.quiet(),
              Judges.nothing(),
              "test")) {
        Api api = new Api(s.baseUrl(), null);
        // The drip's scrape hangs for its whole 10 s timeout; the good target's 2 s slots keep
        // coming meanwhile (five of them: three is the proof with room for a slow machine).
        Await.until("the drip is down", Duration.ofSeconds(60), () -> isDown(api, "drip"));
        assertThat(hostile.goodScrapes() - hostile.goodScrapesAtFirstDrip())
            .as("good scrapes while the drip's scrape hung")
            .isGreaterThanOrEqualTo(3);
        Await.until(
            "every hostile target is down",
            Duration.ofSeconds(60),
            () -> {
              for (String n :
                  new String[] {"bomb", "endless", "drip", "html", "badpprof", "refused"}) {
                if (!isDown(api, n)) {
                  return false;
                }
              }
              return true;
            });

        assertThat(error(api, "bomb")).contains("decompresses to more than 64.0 MiB (a gzip bomb?");
        assertThat(error(api, "endless"))
            .contains("the response is larger than 1.0 MiB (an endless or oversized body");
        assertThat(error(api, "drip")).contains("timed out after 10s reading the body");
        assertThat(error(api, "html"))
            .contains("not Prometheus metrics")
            .contains("on line 1: expected a metric name")
            .contains("found '<!DOCTYPE html>'")
            .contains("[Content-Type: text/html; charset=utf-8]");
        assertThat(error(api, "badpprof"))
            .contains(
                "/badpprof/debug/pprof/heap: malformed profile: expected a gzipped profile.proto, found bytes 0a ff ff ff 7f");
        assertThat(error(api, "refused")).contains("connection refused");

        JsonNode good = api.target("good");
        assertThat(good.get("state").asText()).isEqualTo("ok");
        assertThat(good.get("lastError").isNull()).isTrue();
        assertThat(good.get("values").get("goroutines").asDouble()).isEqualTo(6.0);
        for (var e : s.watcher().schedule()) {
          if (e.key().equals("good")) {
            // A slot is missed only when the previous scrape of the same target still runs.
            assertThat(e.missed()).isLessThanOrEqualTo(1);
          }
        }
        System.gc();
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(used).as("heap in use after the hostile scrapes").isLessThan(256L << 20);
      }
    }
  }

  private static boolean isDown(Api api, String name) throws Exception {
    return api.target(name).get("state").asText().equals("down");
  }

  private static String error(Api api, String name) throws Exception {
    JsonNode t = api.target(name);
    assertThat(t.get("state").asText()).as(name).isEqualTo("down");
    return t.get("lastError").asText();
  }
}
