package dev.leakhound.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.LeakReportTextRenderer;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.support.Await;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.WatchState;
import dev.leakhound.server.watch.TargetRuntime;
import dev.leakhound.server.watch.TargetState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jvm} target kind through the real watch service: each java-shop leak in its own JVM
 * and the three controls in a fourth, under paced load, watched over JMX (one leak by pid through
 * the Attach API, the others at their remote connector), with the verdict engine's warm-up and
 * durations shortened as the demo's configuration does and class histograms every 6 s (each a full
 * GC: the floor points; at 8 s a leak's 19 points could leave Mann-Kendall at p = 0.002, suspect,
 * when the load ended). Each leak must be reported as a leak with its class first among the
 * culprits, its pattern and a heap dump; no control may ever open a report. About two and a half
 * minutes on two cores.
 */
class JavaShopWatchTest {
  private static final int LEAK_BYTES = 16 * 1024;
  private static final double RATE = 25;
  private static final Duration LOAD = Duration.ofSeconds(200);
  private static final String PKG = "dev.leakhound.lab.javashop.";

  /**
   * A shop: its target name, scenarios, bytes per request, the class its report must name and the
   * pattern (null for the controls).
   */
  private record Scenario(
      String name, String scenarios, int leakBytes, String culprit, String pattern) {}

  // The controls share one JVM, as a real service's features do, with a live set of a real
  // service's order (the cache: 400 pages of 256 KiB). Alone in a 4 MiB heap, the steady shop's
  // floor creeps by about 1 MiB/h (JDK internals, with or without Leakhound watching), which the
  // verdict engine rightly calls growth: 25 % of such a heap per hour.
  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario(
              "static-map-leak",
              "static-map-leak",
              LEAK_BYTES,
              PKG + "AuditEntry",
              "static-collection"),
          new Scenario(
              "listener-leak",
              "listener-leak",
              LEAK_BYTES,
              PKG + "CheckoutPriceListener",
              "listener-never-removed"),
          new Scenario(
              "threadlocal-leak",
              "threadlocal-leak",
              LEAK_BYTES,
              PKG + "RequestTrace",
              "threadlocal-in-pool"),
          new Scenario("catalog", "bounded-cache,load-follow,steady", 256 * 1024, null, null));

  @TempDir Path dir;

  @Test
  void everyLeakIsReportedWithItsClassPatternAndHeapDumpAndNoControlOpensAReport()
      throws Exception {
    JavaShop.jar(); // build once, before six starts race to do it
    Path remote = Files.createDirectories(dir.resolve("remote"));
    Map<String, JavaShop> shops = new LinkedHashMap<>();
    List<Thread> loaders = new ArrayList<>();
    List<FutureTask<Integer>> loads = new ArrayList<>();
    try {
      StringBuilder targets = new StringBuilder();
      for (Scenario s : SCENARIOS) {
        JavaShop shop = JavaShop.start(s.scenarios(), s.leakBytes(), "-Xmx512m");
        shops.put(s.name(), shop);
        String where =
            s.name().equals("listener-leak")
                ? "pid: " + shop.pid()
                : "address: \"" + shop.jmxUrl + "\"";
        targets.append(
            "  - {name: %s, kind: jvm, %s, histogramInterval: 6s, histogramMinimumGap: 3s,"
                    .formatted(s.name(), where)
                + " dumpDirectory: \"%s\", remoteDumpDirectory: \"%s\"}\n"
                    .formatted(dir.resolve("local"), remote));
      }
      String yaml =
          """
          listen: 127.0.0.1:0
          evaluation: {interval: 5s, warmUp: 20s, minimumSpan: 30s, minimumLeak: 45s, plateauWindow: 20s}
          defaults: {interval: 1s}
          targets:
          """
              + targets;
      try (WatchService service = WatchService.start(Configs.parse(dir, yaml), "test")) {
        for (Scenario s : SCENARIOS) {
          JavaShop shop = shops.get(s.name());
          FutureTask<Integer> load = new FutureTask<>(() -> shop.load(RATE, LOAD));
          Thread t = new Thread(load, "load " + s.name());
          t.setDaemon(true);
          t.start();
          loads.add(load);
          loaders.add(t);
        }
        List<Scenario> leaks = SCENARIOS.stream().filter(s -> s.culprit() != null).toList();
        try {
          Await.until(
              "every leak has a report naming its class, with a heap dump",
              LOAD.plusSeconds(10),
              () -> leaks.stream().allMatch(s -> complete(report(service, s.name()), s)));
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n" + state(service), e);
        }
        for (Scenario s : leaks) {
          LeakReport r = report(service, s.name());
          assertThat(r.verdict()).as(s.name()).isEqualTo(SignalVerdict.LEAK);
          assertThat(r.culprits().get(0).function()).as(s.name()).isEqualTo(s.culprit());
          assertThat(r.culprits().get(0).objects()).as(s.name()).isPositive();
          assertThat(r.pattern()).as(s.name()).isEqualTo(s.pattern());
          assertThat(r.summary()).as(s.name()).contains(s.culprit()).contains(s.pattern());
          assertThat(r.signals())
              .as(s.name())
              .anyMatch(v -> v.signal().equals(Signal.HEAP_FLOOR.id()) && v.growing());
          assertThat(r.profiles().baselineClassHistogram()).as(s.name()).isNotNull();
          assertThat(r.notes()).as(s.name()).anyMatch(n -> n.startsWith("heap dump: "));
          String dumpPath =
              s.name().equals("listener-leak") ? dir.resolve("local") + "/" : remote + "/";
          assertThat(r.notes()).as(s.name()).anyMatch(n -> n.contains(dumpPath));
          java.io.StringWriter text = new java.io.StringWriter();
          new LeakReportTextRenderer(service.baseUrl()).write(r, new java.io.PrintWriter(text), "");
          assertThat(text.toString())
              .contains("Classes that grew across the class histograms")
              .contains(s.culprit() + " (+")
              .contains("Heap dump: " + service.baseUrl() + "/api/v1/profiles/");
        }
        // The controls ran as long as the leaks took to be reported, under the same load.
        for (Scenario s : SCENARIOS) {
          if (s.culprit() == null) {
            assertThat(service.store().reports().list(s.name(), null, 10))
                .as(s.name() + " is a control\n" + state(service))
                .isEmpty();
            assertThat(service.watcher().target(s.name()).state())
                .as(s.name())
                .isNotEqualTo(TargetState.LEAK);
          }
        }
        TargetRuntime steady = service.watcher().target("catalog");
        assertThat(steady.lastScrape().values())
            .containsKeys(
                Signal.HEAP_INUSE,
                Signal.HEAP_COMMITTED,
                Signal.GC_CYCLES,
                Signal.GC_TIME,
                Signal.THREADS,
                Signal.LOADED_CLASSES,
                Signal.OPEN_FDS,
                Signal.MEMORY_LIMIT,
                Signal.START_TIME);
        assertThat(steady.lastScrape().value(Signal.MEMORY_LIMIT)).isEqualTo(512.0 * (1 << 20));
        assertThat(service.store().samples().signals("catalog")).contains(Signal.HEAP_FLOOR.id());
      }
    } finally {
      loaders.forEach(Thread::interrupt);
      shops.values().forEach(JavaShop::close);
    }
  }

  /** True when {@code r} names the scenario's class first and links its heap dump. */
  private static boolean complete(LeakReport r, Scenario s) {
    return r != null
        && SignalVerdict.LEAK.equals(r.verdict())
        && !r.culprits().isEmpty()
        && r.culprits().get(0).function().equals(s.culprit())
        && r.profiles().heapDump() != null;
  }

  private static LeakReport report(WatchService service, String target) {
    try {
      List<LeakReport> open = service.store().reports().list(target, LeakReport.OPEN, 1);
      return open.isEmpty() ? null : open.get(0);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What each target looks like now, for a failure message. */
  private static String state(WatchService service) throws Exception {
    return WatchState.describe(service, SCENARIOS.stream().map(Scenario::name).toList());
  }
}
