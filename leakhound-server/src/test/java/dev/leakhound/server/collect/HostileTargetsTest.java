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
          defaults: {interval: 1s, timeout: 900ms}
          targets:
            - {name: good, kind: prometheus, address: %1$s/good/metrics}
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
        long start = System.nanoTime();
        Api api = new Api(s.baseUrl(), null);
        Await.until(
            "every hostile target is down",
            Duration.ofSeconds(30),
            () -> {
              for (String n :
                  new String[] {"bomb", "endless", "drip", "html", "badpprof", "refused"}) {
                if (!api.target(n).get("state").asText().equals("down")) {
                  return false;
                }
              }
              return true;
            });
        Thread.sleep(3000);

        assertThat(error(api, "bomb")).contains("decompresses to more than 64.0 MiB (a gzip bomb?");
        assertThat(error(api, "endless"))
            .contains("the response is larger than 1.0 MiB (an endless or oversized body");
        assertThat(error(api, "drip")).contains("timed out after 900ms reading the body");
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
        double elapsed = (System.nanoTime() - start) / 1e9;
        // Scraped every second from its first slot on: at most the first slot's offset and one
        // in-flight scrape short of the elapsed seconds.
        assertThat(good.get("scrapes").asLong()).isGreaterThanOrEqualTo((long) elapsed - 3);
        assertThat(good.get("values").get("goroutines").asDouble()).isEqualTo(6.0);
        // Its scrapes stay short while the others time out or hit their caps; at most the very
        // first slot may pass during the cold start (class loading, JIT) of a fresh JVM.
        assertThat(good.get("lastScrapeDurationMs").asDouble()).isLessThan(500);
        for (var e : s.watcher().schedule()) {
          if (e.key().equals("good")) {
            assertThat(e.missed()).isLessThanOrEqualTo(1);
          }
        }
        System.gc();
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(used).as("heap in use after the hostile scrapes").isLessThan(256L << 20);
      }
    }
  }

  private static String error(Api api, String name) throws Exception {
    JsonNode t = api.target(name);
    assertThat(t.get("state").asText()).as(name).isEqualTo("down");
    return t.get("lastError").asText();
  }
}
