package dev.leakhound.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.GoroutineGrowth;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.support.Api;
import dev.leakhound.server.support.Await;
import dev.leakhound.server.support.Configs;
import dev.leakhound.testkit.LabProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every go-shop scenario, each in its own process under bounded load, watched by one watch service
 * with short intervals: each leak is reported with its culprit function (allocation site and, for
 * goroutine leaks, where the goroutines block) and its named pattern; no control ever opens a
 * report. Detection is the verdict engine's with shortened warm-up and durations; nothing here is
 * special to the lab.
 */
class LabScenariosTest {
  private static final String SHOP = "leakhound.dev/lab/go-shop/shop.";

  /** One scenario's process, load and what its report must name. */
  private record Scenario(
      String name,
      List<String> args,
      Map<String, String> env,
      String schedule,
      String culprit,
      String blockedIn,
      String pattern) {}

  @TempDir Path dir;

  @Test
  void everyLeakIsReportedWithItsCulpritAndNoControlEverOpensAReport() throws Exception {
    List<Scenario> scenarios =
        List.of(
            // Only the heap grows: a real service churns, so GCs (and floor points) are frequent;
            // GOGC=25 and the steady scenario's churn stand in for that.
            new Scenario(
                "map-leak",
                args("map-leak,steady"),
                Map.of("GOGC", "25"),
                "40/s for 240s",
                "(*SessionStore).Remember",
                null,
                "unbounded-map"),
            new Scenario(
                "goroutine-leak",
                args("goroutine-leak"),
                Map.of(),
                "40/s for 240s",
                "(*WarehouseClient).ReserveStock",
                "awaitReservationConfirmation",
                "blocked-receive"),
            new Scenario(
                "context-leak",
                args("context-leak"),
                Map.of(),
                "40/s for 240s",
                "newAuditTrail",
                "(*AuditTrail).shipWhenDone",
                "request-context-held"),
            new Scenario(
                "ticker-leak",
                args("ticker-leak"),
                Map.of(),
                "40/s for 240s",
                "startPriceWatcher",
                "(*PriceWatcher).refreshLoop",
                "ticker-never-stopped"),
            new Scenario(
                "bounded-cache",
                argsWith("bounded-cache", "-cache-entries", "400"),
                Map.of(),
                "60/s for 240s",
                null,
                null,
                null),
            new Scenario(
                "load-follow",
                args("load-follow"),
                Map.of(),
                "40/s for 70s, 120/s for 40s, 40/s for 130s",
                null,
                null,
                null),
            new Scenario("steady", args("steady"), Map.of(), "60/s for 240s", null, null, null));
    Map<String, LabProcess> shops = new LinkedHashMap<>();
    List<Process> loads = new ArrayList<>();
    try {
      StringBuilder targets = new StringBuilder();
      for (Scenario s : scenarios) {
        LabProcess shop = LabProcess.startGoShop(s.args(), s.env());
        shops.put(s.name(), shop);
        targets
            .append("  - {name: ")
            .append(s.name())
            .append(", kind: go, address: \"")
            .append(shop.baseUrl())
            .append("\"}\n");
      }
      String yaml =
          """
          listen: 127.0.0.1:0
          evaluation:
            interval: 5s
            warmUp: 40s
            minimumSpan: 30s
            minimumLeak: 45s
            plateauWindow: 20s
            # Connection pools settling after the warm-up add a few goroutines and MiB: real,
            # but not leaks worth a report.
            minimumGrowth: {bytes: 64MiB, goroutines: 1000}
          defaults: {interval: 1s}
          targets:
          """
              + targets;
      try (WatchService service = WatchService.start(Configs.parse(dir, yaml), "test")) {
        for (Scenario s : scenarios) {
          loads.add(
              LabProcess.startLoad(
                  shops.get(s.name()).baseUrl(), s.schedule(), Duration.ofSeconds(250)));
        }
        List<Scenario> leaks = scenarios.stream().filter(s -> s.culprit() != null).toList();
        try {
          Await.until(
              "every leak has a report naming its culprit",
              Duration.ofMinutes(4),
              () -> {
                for (Scenario s : leaks) {
                  if (!names(report(service, s.name()), s)) {
                    return false;
                  }
                }
                return true;
              });
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n" + state(service, scenarios), e);
        }

        for (Scenario s : leaks) {
          LeakReport r = report(service, s.name());
          assertThat(r.verdict()).as(s.name()).isEqualTo("leak");
          assertThat(r.culprits())
              .as(s.name())
              .extracting(Culprit::function)
              .contains(SHOP + s.culprit());
          if (s.blockedIn() != null) {
            assertThat(r.goroutineGroups())
                .as(s.name())
                .extracting(GoroutineGrowth::function)
                .contains(SHOP + s.blockedIn());
          }
          assertThat(r.pattern()).as(s.name()).isEqualTo(s.pattern());
          assertThat(r.summary()).as(s.name()).contains(s.culprit());
          assertThat(r.profiles().heapDiff()).as(s.name()).isNotNull();
        }
        // The profiles download as go tool pprof expects them: the capture, and the diff.
        LeakReport map = report(service, "map-leak");
        Api api = new Api(service.baseUrl(), null);
        for (Long id : List.of(map.profiles().currentHeap(), map.profiles().heapDiff())) {
          Path file = dir.resolve("profile-" + id + ".pb.gz");
          Files.write(file, api.get("/api/v1/profiles/" + id).body());
          Process pprof =
              new ProcessBuilder(
                      "go", "tool", "pprof", "-top", "-sample_index=inuse_space", file.toString())
                  .redirectErrorStream(true)
                  .start();
          String top = new String(pprof.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(pprof.waitFor()).as(top).isZero();
          assertThat(top).contains("(*SessionStore).Remember");
        }
        for (Scenario s : scenarios) {
          if (s.culprit() == null) {
            assertThat(service.store().reports().list(s.name(), null, 10))
                .as(s.name() + " is a control")
                .isEmpty();
            assertThat(service.watcher().target(s.name()).state())
                .as(s.name())
                .isNotEqualTo(TargetState.LEAK);
          }
        }
      }
    } finally {
      loads.forEach(Process::destroy);
      shops.values().forEach(LabProcess::close);
    }
  }

  /** What each target looks like now, for a failure message. */
  private static String state(WatchService service, List<Scenario> scenarios) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (Scenario s : scenarios) {
      TargetRuntime rt = service.watcher().target(s.name());
      sb.append(s.name()).append(": ").append(rt.state().id()).append('\n');
      rt.verdicts()
          .values()
          .forEach(
              v ->
                  sb.append("    ")
                      .append(v.signal())
                      .append(' ')
                      .append(v.verdict())
                      .append(" points=")
                      .append(v.points())
                      .append(' ')
                      .append(v.evidence())
                      .append('\n'));
      for (LeakReport r : service.store().reports().list(s.name(), null, 5)) {
        sb.append("    report ")
            .append(r.id())
            .append(' ')
            .append(r.state())
            .append(' ')
            .append(r.culprits().stream().map(Culprit::function).toList())
            .append(' ')
            .append(r.goroutineGroups().stream().map(GoroutineGrowth::function).toList())
            .append(' ')
            .append(r.notes())
            .append(r.resolvedReason() == null ? "" : " resolved: " + r.resolvedReason())
            .append('\n');
        // What the report saw when it was written (or last refreshed).
        for (SignalVerdict v : r.signals()) {
          sb.append("      ")
              .append(v.signal())
              .append(' ')
              .append(v.verdict())
              .append(" points=")
              .append(v.points())
              .append(' ')
              .append(v.evidence())
              .append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static boolean names(LeakReport r, Scenario s) {
    return r != null
        && r.culprits().stream().anyMatch(c -> c.function().equals(SHOP + s.culprit()))
        && (s.blockedIn() == null
            || r.goroutineGroups().stream()
                .anyMatch(g -> g.function().equals(SHOP + s.blockedIn())));
  }

  private static LeakReport report(WatchService service, String target) throws Exception {
    List<LeakReport> open = service.store().reports().list(target, LeakReport.OPEN, 1);
    return open.isEmpty() ? null : open.get(0);
  }

  private static List<String> args(String scenarios) {
    return argsWith(scenarios);
  }

  private static List<String> argsWith(String scenarios, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of("-scenarios", scenarios, "-leak-bytes", "32768", "-mem-profile-rate", "4096"));
    a.addAll(List.of(more));
    return a;
  }
}
