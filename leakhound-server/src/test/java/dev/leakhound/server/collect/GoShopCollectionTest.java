package dev.leakhound.server.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.support.Configs;
import dev.leakhound.testkit.LabProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The go collector against a real go-shop: every signal, both metrics sources, every profile. */
class GoShopCollectionTest {
  @TempDir Path dir;

  @Test
  void aLabGoShopGivesEverySignalAndEveryProfile() throws Exception {
    try (LabProcess shop = LabProcess.startGoShop("map-leak,goroutine-leak", 16384, 4096);
        HttpFetcher http = new HttpFetcher("test")) {
      Process load = LabProcess.startLoad(shop.baseUrl(), "100/s for 4s", Duration.ofSeconds(20));
      assertThat(load.waitFor()).isZero();
      CollectContext ctx = new CollectContext(http, Clock.systemUTC());
      TargetConfig metrics = target(shop.baseUrl(), "");
      TargetConfig vars = target(shop.baseUrl(), "metricsPath: /debug/vars");
      Collector viaMetrics = new GoTargetKind().create(metrics, ctx);
      Collector viaVars = new GoTargetKind().create(vars, ctx);

      Scrape m = viaMetrics.scrape();
      Scrape v = viaVars.scrape();

      assertThat(m.values().keySet())
          .contains(
              Signal.HEAP_INUSE,
              Signal.HEAP_ALLOC,
              Signal.HEAP_GOAL,
              Signal.GOROUTINES,
              Signal.THREADS,
              Signal.RSS,
              Signal.OPEN_FDS,
              Signal.GC_CYCLES,
              Signal.START_TIME,
              Signal.HEAP_FLOOR)
          .doesNotContain(Signal.MEMORY_LIMIT);
      assertThat(m.value(Signal.GOROUTINES))
          .as("half of 400 requests park a goroutine")
          .isGreaterThanOrEqualTo(150);
      assertThat(m.value(Signal.HEAP_FLOOR))
          .isBetween(m.value(Signal.HEAP_GOAL) / 2.5, m.value(Signal.HEAP_GOAL) / 1.9);
      assertThat(m.lifetime()).startsWith("start:");
      assertThat(v.values().keySet())
          .contains(
              Signal.HEAP_INUSE,
              Signal.HEAP_ALLOC,
              Signal.HEAP_GOAL,
              Signal.GC_CYCLES,
              Signal.GOROUTINES,
              Signal.HEAP_FLOOR);
      assertThat(v.notes())
          .containsExactly("goroutines counted from /debug/pprof/goroutine?debug=1");
      // Within the connection goroutines that come and go between the two reads.
      assertThat(v.value(Signal.GOROUTINES))
          .isCloseTo(m.value(Signal.GOROUTINES), org.assertj.core.data.Offset.offset(10.0));
      // A second scrape without a new GC cycle gives no new floor point.
      Scrape again = viaMetrics.scrape();
      if (again.value(Signal.GC_CYCLES) == m.value(Signal.GC_CYCLES)) {
        assertThat(again.values()).doesNotContainKey(Signal.HEAP_FLOOR);
      }

      assertThat(viaMetrics.captureKinds())
          .containsExactlyInAnyOrder(
              ProfileKind.HEAP,
              ProfileKind.GOROUTINE,
              ProfileKind.GOROUTINE_COUNTS,
              ProfileKind.GOROUTINE_FULL,
              ProfileKind.GOROUTINE_LEAK);
      for (ProfileKind k : viaMetrics.captureKinds()) {
        CapturedProfile p = viaMetrics.capture(k);
        assertThat(p.content()).as(k.id()).isNotEmpty();
      }
      String leak =
          new String(
              viaMetrics.capture(ProfileKind.GOROUTINE_LEAK).content(), StandardCharsets.UTF_8);
      assertThat(leak)
          .startsWith("goroutineleak profile: total ")
          .contains("awaitReservationConfirmation");
      assertThat(
              new String(
                  viaMetrics.capture(ProfileKind.GOROUTINE_FULL).content(), StandardCharsets.UTF_8))
          .contains("[chan receive");
    }
  }

  @Test
  void aServiceWithoutPprofScrapesFineAndRemembersTheAbsentProfiles() throws Exception {
    try (var target = new dev.leakhound.server.support.HostileServer();
        HttpFetcher http = new HttpFetcher("test")) {
      Collector c =
          new GoTargetKind()
              .create(
                  target(target.base() + "/good", ""), new CollectContext(http, Clock.systemUTC()));

      assertThat(c.scrape().value(Signal.GOROUTINES)).isEqualTo(6.0);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> c.capture(ProfileKind.GOROUTINE_LEAK))
          .isInstanceOf(CollectException.class)
          .hasMessageContaining("HTTP 404");
      assertThat(c.captureKinds())
          .doesNotContain(ProfileKind.GOROUTINE_LEAK)
          .contains(ProfileKind.HEAP);
    }
  }

  private TargetConfig target(String address, String extra) throws Exception {
    return Configs.parse(
            dir,
            """
            targets:
              - name: shop
                kind: go
                address: %s
                %s
            """
                .formatted(address, extra))
        .targets()
        .get(0);
  }
}
