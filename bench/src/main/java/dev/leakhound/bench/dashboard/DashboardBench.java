package dev.leakhound.bench.dashboard;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.config.ConfigLoader;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.watch.ProfileComparison;
import dev.leakhound.server.watch.TargetRuntime;
import dev.leakhound.testkit.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The dashboard benchmark: a real {@code serve} (the watch service in this process) watching {@code
 * --targets} simulated Go services ({@link SimulatedFleet}) whose last {@code --history} of samples
 * is seeded into the store, and headless Chromium opening the overview {@code --runs} times from a
 * blank page. Each run reports the time from navigation start to the overview's table being
 * rendered with every target ({@code performance.mark} set by the page after it painted the rows),
 * and how much of it the overview API call took. {@code --serve} only starts everything and prints
 * the URL, to look at the dashboard by hand.
 *
 * <p>Not thread-safe; a command-line program.
 */
public final class DashboardBench {
  private DashboardBench() {}

  public static void main(String[] args) throws Exception {
    int targets = 1000;
    int runs = 7;
    boolean serve = false;
    Duration history = Duration.ofHours(1);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--targets" -> targets = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--serve" -> serve = true;
        case "--history" -> history = Duration.ofMinutes(Long.parseLong(args[++i]));
        default -> {
          System.err.println(
              "usage: DashboardBench [--targets N] [--runs N] [--history MINUTES] [--serve]");
          System.exit(64);
        }
      }
    }
    Path data = Files.createTempDirectory("leakhound-dashboard-bench");
    long now = System.currentTimeMillis();
    long start = now - history.toMillis();
    try (SimulatedFleet fleet = new SimulatedFleet(start)) {
      WatchConfig config = config(data, fleet, targets);
      long t0 = System.nanoTime();
      int rows = seed(config, fleet, targets, start, now);
      System.out.printf(
          Locale.ROOT,
          "seeded %d targets, %d samples of %s history in %.1f s%n",
          targets,
          rows,
          history,
          (System.nanoTime() - t0) / 1e9);
      try (WatchService service =
          WatchService.start(
              config, CollectorRegistry.standard(), new StandInJudge(), NO_DIAGNOSIS, "bench")) {
        awaitFirstScrapes(service, Duration.ofMinutes(2));
        service.evaluate();
        String url = service.baseUrl() + "/dashboard/#/";
        if (serve) {
          System.out.println("serving " + url + " (Ctrl-C stops)");
          Thread.sleep(Long.MAX_VALUE);
        }
        measure(url, targets, runs);
      }
    } finally {
      deleteTree(data);
    }
  }

  private static final ProfileComparison NO_DIAGNOSIS =
      new ProfileComparison() {
        @Override
        public HeapFindings heapGrowth(byte[] baseline, byte[] current) {
          return new HeapFindings(List.of(), null, "", null);
        }

        @Override
        public GoroutineFindings goroutineGrowth(
            List<byte[]> dumps, byte[] leakListing, List<Path> sourceRoots) {
          return new GoroutineFindings(List.of(), null, null);
        }
      };

  private static WatchConfig config(Path data, SimulatedFleet fleet, int targets) throws Exception {
    StringBuilder yaml = new StringBuilder();
    yaml.append("dataDir: ").append(data).append('\n');
    yaml.append("listen: 127.0.0.1:0\n");
    yaml.append("evaluation: {interval: 1h, window: 6h, resolveWindow: 30m}\n");
    yaml.append("targets:\n");
    for (int i = 0; i < targets; i++) {
      yaml.append("  - name: svc-").append(String.format(Locale.ROOT, "%04d", i)).append('\n');
      yaml.append("    kind: prometheus\n");
      yaml.append("    address: ").append(fleet.address(i)).append('\n');
      yaml.append("    interval: 15s\n");
      yaml.append("    labels: {team: team-").append(i % 12).append(", env: ");
      yaml.append(i % 3 == 0 ? "prod" : "staging").append("}\n");
    }
    return ConfigLoader.parse(
        "bench.yaml", yaml.toString(), data, CollectorRegistry.standard().specs(), Map.of());
  }

  /** Writes every target's history at 15 s steps, as if it had been watched all along. */
  private static int seed(
      WatchConfig config, SimulatedFleet fleet, int targets, long start, long now)
      throws Exception {
    int rows = 0;
    try (Store store = Store.open(config.dataDir(), 1000)) {
      for (int i = 0; i < targets; i++) {
        var tc = config.targets().get(i);
        store.targets().ensure(tc.name(), tc.kind(), tc.address(), "{}");
        if (SimulatedFleet.down(i)) {
          continue;
        }
        for (long t = start; t < now; t += 15_000) {
          Map<Signal, Double> v = new EnumMap<>(Signal.class);
          v.put(Signal.HEAP_FLOOR, fleet.floor(i, t));
          v.put(Signal.HEAP_ALLOC, fleet.heapAlloc(i, t));
          v.put(Signal.GOROUTINES, fleet.goroutines(i, t));
          store.samples().append(tc.name(), t, v);
          rows += v.size();
        }
        if (i % 100 == 99) {
          store.database().write(c -> null);
        }
      }
      store.database().write(c -> null);
      store.database().write(c -> null);
    }
    return rows;
  }

  private static void awaitFirstScrapes(WatchService service, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (TargetRuntime rt : service.watcher().targets()) {
        all &= rt.health().scrapes() > 0;
      }
      if (all) {
        return;
      }
      Thread.sleep(250);
    }
    System.err.println("warning: not every target was scraped within " + timeout);
  }

  private static void measure(String url, int targets, int runs) throws IOException {
    Path shots = Files.createTempDirectory("leakhound-bench-shots");
    HeadlessChromium browser = HeadlessChromium.start(shots, 1400, 1000);
    WebDriver driver = browser.driver();
    List<double[]> results = new ArrayList<>();
    try {
      System.out.println();
      System.out.println(
          "| run | navigation to table rendered (ms) | overview API (ms) | of which server (ms)"
              + " | data to rows painted (ms) | rows |");
      System.out.println("| --- | ---: | ---: | --- | ---: | ---: |");
      for (int run = 0; run <= runs; run++) {
        driver.get("about:blank");
        driver.get(url);
        browser.awaitRendered("overview");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object rendered =
            js.executeScript(
                "const m = performance.getEntriesByName('leakhound:overview-rendered');"
                    + "return m.length ? m[m.length - 1].startTime : null;");
        Object api =
            js.executeScript(
                "const r = performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/v1/dashboard/overview'));"
                    + "return r.length ? r[0].duration : null;");
        Object data =
            js.executeScript(
                "const m = performance.getEntriesByName('leakhound:overview-data');"
                    + "return m.length ? m[m.length - 1].startTime : null;");
        Object server =
            js.executeScript(
                "const r = performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/v1/dashboard/overview'));"
                    + "return r.length ? r[0].serverTiming.map(t => t.name + ' ' +"
                    + " Math.round(t.duration)).join(', ') : '';");
        long rows = driver.findElements(By.cssSelector("table.targets tbody tr")).size();
        double ms = ((Number) rendered).doubleValue();
        double apiMs = api == null ? Double.NaN : ((Number) api).doubleValue();
        String label = run == 0 ? "warm-up" : Integer.toString(run);
        double renderMs = ms - ((Number) data).doubleValue();
        System.out.printf(
            Locale.ROOT,
            "| %s | %.0f | %.0f | %s | %.0f | %d |%n",
            label,
            ms,
            apiMs,
            server,
            renderMs,
            rows);
        if (rows != targets) {
          throw new IllegalStateException("the overview shows " + rows + " rows, not " + targets);
        }
        if (run > 0) {
          results.add(new double[] {ms, apiMs});
        }
      }
    } finally {
      browser.close();
      deleteTree(shots);
    }
    double[] total = results.stream().mapToDouble(r -> r[0]).sorted().toArray();
    double[] api = results.stream().mapToDouble(r -> r[1]).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%nmedian of %d runs: %.0f ms from navigation to %d rendered rows (overview API %.0f ms);"
            + " worst %.0f ms; budget 1000 ms: %s%n",
        total.length,
        total[total.length / 2],
        targets,
        api[api.length / 2],
        total[total.length - 1],
        total[total.length / 2] < 1000 ? "met" : "MISSED");
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
