package dev.leakhound.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.GoroutineGrowth;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.ProfileRefs;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() throws SQLException {
    store = Store.open(dir, 50);
    store.targets().ensure("shop", "go", "http://127.0.0.1:1", "{}");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void samplesComeBackRawWhenTheyFit() throws Exception {
    for (int i = 0; i < 100; i++) {
      store.samples().append("shop", 1_000L * i, Map.of(Signal.GOROUTINES, (double) i));
    }
    flush();

    SeriesData d = store.samples().range("shop", Signal.GOROUTINES, 0, 99_000, 2000, 0);

    assertThat(d.size()).isEqualTo(100);
    assertThat(d.stepMillis()).isZero();
    assertThat(d.t()[42]).isEqualTo(42_000);
    assertThat(d.v()[42]).isEqualTo(42.0);
  }

  @Test
  void longRangesAreBucketedToAtMostMaxPointsMatchingABruteForceOracle() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    int n = 5000;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 10_000L + i * 997L + random.nextInt(500);
      v[i] = random.nextDouble() * 1000;
      store.samples().append("shop", t[i], Map.of(Signal.HEAP_FLOOR, v[i]));
    }
    flush();
    long from = 0;
    long to = t[n - 1];
    int maxPoints = 300;

    SeriesData d = store.samples().range("shop", Signal.HEAP_FLOOR, from, to, maxPoints, 0);

    assertThat(d.size()).isLessThanOrEqualTo(maxPoints).isGreaterThan(maxPoints / 2);
    long step = d.stepMillis();
    for (int b = 0; b < d.size(); b++) {
      long bucket = (d.t()[b] - from) / step;
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      double sum = 0;
      int count = 0;
      for (int i = 0; i < n; i++) {
        if ((t[i] - from) / step == bucket) {
          min = Math.min(min, v[i]);
          max = Math.max(max, v[i]);
          sum += v[i];
          count++;
        }
      }
      assertThat(d.min()[b]).isEqualTo(min);
      assertThat(d.max()[b]).isEqualTo(max);
      assertThat(d.v()[b]).isCloseTo(sum / count, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void retentionRollsUpBeforeDeletingAndLongRangesReadTheRollups() throws Exception {
    long fiveMin = SampleStore.ROLLUP_MILLIS;
    for (int i = 0; i < 60; i++) {
      store.samples().append("shop", i * 30_000L, Map.of(Signal.RSS, (double) i));
    }
    flush();
    long now = 60 * 30_000L;

    store.applyRetention(now, now, 0, 0, 0);

    SeriesData raw = store.samples().range("shop", Signal.RSS, 0, now, 2000, 0);
    assertThat(raw.size()).isZero();
    SeriesData rolled = store.samples().range("shop", Signal.RSS, 0, now, 2000, now);
    assertThat(rolled.size()).isEqualTo(6);
    assertThat(rolled.t()[0]).isZero();
    assertThat(rolled.v()[0]).isEqualTo(4.5);
    assertThat(rolled.min()[1]).isEqualTo(10.0);
    assertThat(rolled.max()[1]).isEqualTo(19.0);
    assertThat(rolled.stepMillis()).isEqualTo(fiveMin);
  }

  @Test
  void retentionDeletesByAgeButKeepsWhatOpenReportsRefer() throws Exception {
    long hour = 3_600_000L;
    for (int i = 0; i < 48; i++) {
      store.samples().append("shop", i * hour, Map.of(Signal.RSS, (double) i));
    }
    flush();
    byte[] old = gzip("an old profile".repeat(50));
    ProfileRecord kept = store.profiles().save("shop", "heap", hour, "baseline", "L1", old);
    ProfileRecord dropped =
        store.profiles().save("shop", "heap", 2 * hour, "baseline", "L1", gzip("another one"));
    ProfileRecord recent =
        store.profiles().save("shop", "heap", 40 * hour, "capture", "L1", gzip("a recent one"));
    LeakReport open =
        store
            .reports()
            .insert(
                sampleReport(new ProfileRefs(kept.id(), null, null, null, null, null, null)), hour);
    LeakReport oldResolved = store.reports().insert(sampleReport(ProfileRefs.NONE), hour);
    store
        .reports()
        .update(oldResolved.resolved("2026-11-20T02:00:00Z", "stopped"), 2 * hour, 2 * hour);
    LeakReport newResolved = store.reports().insert(sampleReport(ProfileRefs.NONE), 30 * hour);
    store
        .reports()
        .update(newResolved.resolved("2026-11-21T16:00:00Z", "stopped"), 40 * hour, 40 * hour);
    long now = 48 * hour;

    // Raw samples for the last 12 h, rollups for 24 h, reports and profiles for 24 h.
    store.applyRetention(now, now - 12 * hour, now - 24 * hour, now - 24 * hour, now - 24 * hour);

    SeriesData raw = store.samples().range("shop", Signal.RSS, 0, now, 2000, 0);
    assertThat(raw.t()[0]).isEqualTo(36 * hour);
    SeriesData rolled = store.samples().range("shop", Signal.RSS, 0, now, 2000, now);
    assertThat(rolled.t()[0]).isGreaterThanOrEqualTo(24 * hour);
    assertThat(store.reports().get(open.id())).isNotNull();
    assertThat(store.reports().get(oldResolved.id())).isNull();
    assertThat(store.reports().get(newResolved.id())).isNotNull();
    assertThat(store.profiles().get(kept.id())).as("an open report's baseline").isNotNull();
    assertThat(store.profiles().content(kept.id())).isEqualTo(old);
    assertThat(store.profiles().get(dropped.id())).isNull();
    assertThat(store.profiles().get(recent.id())).isNotNull();
  }

  @Test
  void identicalProfilesAreStoredOnce() throws Exception {
    byte[] profile = gzip("pretend profile bytes".repeat(100));
    ProfileRecord a = store.profiles().save("shop", "heap", 1, "baseline", "L1", profile);
    ProfileRecord b =
        store
            .profiles()
            .save("shop", "heap", 2, "baseline", "L1", gzip("pretend profile bytes".repeat(100)));
    ProfileRecord text =
        store
            .profiles()
            .save(
                "shop",
                "goroutine-debug2",
                3,
                "capture",
                "L1",
                "goroutine 1 [running]:\n".getBytes(StandardCharsets.UTF_8));

    assertThat(a.sha256()).isEqualTo(b.sha256());
    assertThat(store.profiles().content(b.id())).isEqualTo(profile);
    assertThat(
            new String(
                ProfileStore.gunzip(store.profiles().content(text.id())), StandardCharsets.UTF_8))
        .isEqualTo("goroutine 1 [running]:\n");
    int blobs =
        store
            .database()
            .read(
                c -> {
                  try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM blob")) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });
    assertThat(blobs).isEqualTo(2);
    assertThat(store.profiles().list("shop", 10))
        .extracting(ProfileRecord::id)
        .containsExactly(text.id(), b.id(), a.id());
  }

  @Test
  void reportsSurviveAJsonRoundTripAndFilterByState() throws Exception {
    LeakReport r = sampleReport(new ProfileRefs(1L, 2L, null, null, null, null, 3L));

    LeakReport stored = store.reports().insert(r, 1000);
    assertThat(store.reports().get(stored.id())).isEqualTo(stored);
    assertThat(store.reports().list(null, "open", 10)).containsExactly(stored);

    LeakReport resolved = stored.resolved("2026-11-21T11:00:00Z", "the signals stopped growing");
    store.reports().update(resolved, 2000, 2000L);

    assertThat(store.reports().list("shop", "open", 10)).isEmpty();
    assertThat(store.reports().list("shop", "resolved", 10)).containsExactly(resolved);
  }

  @Test
  void theOutboxHandsOutTheOldestPendingMessagePerAlertAndReceiver() throws Exception {
    AlertRecord a =
        store
            .alerts()
            .save(
                new AlertRecord(
                    0,
                    "R/shop",
                    "R",
                    "shop",
                    "firing",
                    Map.of("alertname", "R"),
                    Map.of(),
                    1,
                    1,
                    0,
                    1,
                    5));
    store.alerts().enqueue(a.id(), "hook", "{\"status\":\"firing\"}", 10, false);
    store.alerts().enqueue(a.id(), "hook", "{\"status\":\"resolved\"}", 20, false);
    store.alerts().enqueue(a.id(), "am", "first", 10, true);
    store.alerts().enqueue(a.id(), "am", "second", 20, true);

    List<DeliveryRecord> due = store.alerts().due(100, 10);

    assertThat(due)
        .extracting(DeliveryRecord::receiver, DeliveryRecord::payload)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hook", "{\"status\":\"firing\"}"),
            org.assertj.core.groups.Tuple.tuple("am", "second"));
    store.alerts().attempted(due.get(0).id(), DeliveryRecord.DELIVERED, 1, 100, "", 100);
    assertThat(store.alerts().due(100, 10))
        .extracting(DeliveryRecord::payload)
        .containsExactly("{\"status\":\"resolved\"}", "second");
    assertThat(store.alerts().pendingByReceiver())
        .containsEntry("hook", 1L)
        .containsEntry("am", 1L);
  }

  @Test
  void healthAndVerdictsAreCoalescedAndSurviveReopening() throws Exception {
    store.targets().saveHealth("shop", TargetHealth.UNKNOWN.success(5, 12.5, "start:9"));
    store
        .targets()
        .saveHealth(
            "shop", TargetHealth.UNKNOWN.success(6, 13.5, "start:9").failure(7, 1, "HTTP 503"));
    store.targets().saveVerdict("shop", "goroutines", "suspect", 7, "{}");
    flush();
    store.close();
    store = Store.open(dir, 50);

    TargetHealth h = store.targets().allHealth().get("shop");
    assertThat(h.up()).isFalse();
    assertThat(h.lastError()).isEqualTo("HTTP 503");
    assertThat(h.lifetime()).isEqualTo("start:9");
    assertThat(store.targets().allVerdicts().get("shop")).containsEntry("goroutines", "{}");
  }

  @Test
  void aNewerSchemaIsRefused() throws Exception {
    store.database().write(c -> c.createStatement().execute("PRAGMA user_version = 99"));
    store.close();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Store.open(dir, 50))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("written by a newer Leakhound (schema 99");
    store = Store.open(dir.resolve("other"), 50);
  }

  private void flush() throws SQLException {
    store.database().write(c -> null);
  }

  private static byte[] gzip(String s) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static LeakReport sampleReport(ProfileRefs refs) {
    return new LeakReport(
        0,
        "shop",
        "leak",
        "2026-11-21T10:00:00Z",
        null,
        List.of(
            new Culprit("shop.(*SessionStore).Remember", "shop/cart.go", 44, 1 << 20, 256, 0.9)),
        List.of(
            new GoroutineGrowth(
                "shop.awaitReservationConfirmation",
                "chan receive",
                120,
                118,
                "shop/inv.go:71",
                "shop.(*WarehouseClient).ReserveStock",
                3,
                0,
                "blocked-receive",
                List.of("shop.awaitReservationConfirmation shop/inv.go:71"))),
        "unbounded-map",
        "shop is leaking",
        "open",
        "",
        "a map",
        "bound it",
        3600.0,
        List.of(
            new SignalVerdict(
                "heap_floor_bytes",
                "leak",
                1e6,
                9e5,
                1.1e6,
                0.99,
                3600.0,
                2e9,
                120,
                1,
                2,
                "2026-11-21T10:00:00Z",
                "rising",
                1e6,
                2e6,
                "restart",
                "still-growing",
                "no-load-data")),
        refs,
        "start:1",
        "2026-11-21T10:00:00Z",
        List.of());
  }
}
