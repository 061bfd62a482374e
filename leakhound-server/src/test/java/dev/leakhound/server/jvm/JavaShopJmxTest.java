package dev.leakhound.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.jvm.FloorVerdict;
import dev.leakhound.analysis.jvm.GrowthSuspect;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM collection end to end against the lab's java-shop: each scenario runs in its own JVM
 * under paced load, all six at once, sampled over JMX once a second with a class histogram every 12
 * s. Every leak must be named with its class; no control may have a suspect. One leak is reached by
 * pid through the Attach API and gets a heap dump. About a minute on two cores.
 */
class JavaShopJmxTest {
  private static final int LEAK_BYTES = 16 * 1024;
  private static final double RATE = 25;
  private static final Duration LOAD = Duration.ofSeconds(60);
  // A baseline after a 10 s warm-up, then every 12 s: bounded-cache fills its 400 entries in the
  // first 16 s (at 25/s) and must then read as a plateau, not a leak.
  private static final Duration HISTOGRAM_EVERY = Duration.ofSeconds(12);

  private static final Map<String, String> CULPRITS =
      Map.of(
          "static-map-leak", "dev.leakhound.lab.javashop.AuditEntry",
          "listener-leak", "dev.leakhound.lab.javashop.CheckoutPriceListener",
          "threadlocal-leak", "dev.leakhound.lab.javashop.RequestTrace");
  private static final Map<String, String> PATTERNS =
      Map.of(
          "static-map-leak", "static-collection",
          "listener-leak", "listener-never-removed",
          "threadlocal-leak", "threadlocal-in-pool");
  private static final List<String> CONTROLS = List.of("bounded-cache", "load-follow", "steady");

  /** What one scenario's run gathered. */
  record Run(
      String scenario,
      int requests,
      List<JvmSample> samples,
      List<HistogramCapture> histograms,
      JvmLeakReport report) {}

  @TempDir Path dumps;

  @Test
  void everyLeakIsNamedWithItsClassAndNoControlHasASuspect() throws Exception {
    JavaShop.jar(); // build once, before six runs race to do it
    List<String> scenarios = new ArrayList<>(CULPRITS.keySet());
    scenarios.addAll(CONTROLS);
    ExecutorService pool = Executors.newFixedThreadPool(scenarios.size());
    try {
      List<Future<Run>> runs = new ArrayList<>();
      for (String scenario : scenarios) {
        runs.add(pool.submit(() -> run(scenario, scenario.equals("listener-leak"))));
      }
      List<String> failures = new ArrayList<>();
      for (Future<Run> f : runs) {
        Run run = f.get(5, TimeUnit.MINUTES); // about 80 s on idle cores
        try {
          check(run);
        } catch (AssertionError e) {
          failures.add(run.scenario() + ": " + e.getMessage());
        }
      }
      assertThat(failures).isEmpty();
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private void check(Run run) throws Exception {
    assertThat(run.requests()).as(run.scenario()).isGreaterThan(500);
    assertThat(run.histograms()).as(run.scenario()).hasSizeBetween(4, JvmMonitor.KEEP + 1);
    Path saved = Path.of("target", "javashop-jmx");
    Files.createDirectories(saved);
    int i = 0;
    for (HistogramCapture h : run.histograms()) {
      Files.writeString(saved.resolve(run.scenario() + "-" + ++i + ".txt"), h.text());
      assertThat(h.lifetime()).isEqualTo(run.samples().get(0).lifetime());
    }
    JvmLeakReport report = run.report();
    assertThat(report.lifetime()).isEqualTo(run.samples().get(0).lifetime());
    assertThat(report.histograms()).isEqualTo(run.histograms().size());
    JvmSample first = run.samples().get(0);
    JvmSample last = run.samples().get(run.samples().size() - 1);
    assertThat(last.gcCount()).as(run.scenario()).isGreaterThan(first.gcCount());
    assertThat(last.threads()).isPositive();
    assertThat(last.loadedClasses()).isPositive();
    assertThat(last.openFileDescriptors()).isPositive();
    assertThat(last.heapMaxBytes()).isEqualTo(256L << 20);
    assertThat(last.pools()).anyMatch(MemoryPoolUsage::heap);
    String culprit = CULPRITS.get(run.scenario());
    if (culprit == null) {
      assertThat(report.suspects()).as(run.scenario() + " is a control").isEmpty();
      assertThat(report.heapDump()).isNull();
      return;
    }
    assertThat(report.suspects()).as(run.scenario()).isNotEmpty();
    GrowthSuspect top = report.suspects().get(0);
    assertThat(top.className()).as(run.scenario()).isEqualTo(culprit);
    assertThat(report.summary()).contains(culprit).contains(PATTERNS.get(run.scenario()));
    // The floor from GC notifications grew by a good part of what the requests retained.
    double firstFloor = Double.NaN;
    double lastFloor = Double.NaN;
    for (JvmSample s : run.samples()) {
      if (!Double.isNaN(s.heapFloorBytes())) {
        firstFloor = Double.isNaN(firstFloor) ? s.heapFloorBytes() : firstFloor;
        lastFloor = s.heapFloorBytes();
      }
    }
    assertThat(lastFloor - firstFloor)
        .as(run.scenario() + " floor growth")
        .isGreaterThan(0.5 * run.requests() * LEAK_BYTES);
    HeapDumpCapture dump = report.heapDump();
    assertThat(report.heapDumpError()).isNull();
    if (dump.onThisHost()) {
      // The dump of the local target is analysed: its path from a GC root names the pattern.
      assertThat(report.heapDumpSuspects())
          .anySatisfy(
              d -> {
                assertThat(d.accumulatedClass()).isEqualTo(culprit);
                assertThat(d.pattern().id()).isEqualTo(PATTERNS.get(run.scenario()));
              });
    }
    assertThat(dump).as(run.scenario() + " heap dump").isNotNull();
    assertThat(dump.onThisHost()).isEqualTo(run.scenario().equals("listener-leak"));
    // Remote targets write on their own host: here the same machine, so the file can be checked.
    try (InputStream in = Files.newInputStream(Path.of(dump.path()))) {
      assertThat(new String(in.readNBytes(18), StandardCharsets.US_ASCII))
          .isEqualTo("JAVA PROFILE 1.0.2");
    }
  }

  private Run run(String scenario, boolean byPid) throws Exception {
    Files.createDirectories(dumps.resolve("remote")); // the target's host must have it
    try (JavaShop shop = JavaShop.start(scenario, LEAK_BYTES)) {
      JmxAddress address =
          byPid
              ? JmxAddress.parse("pid:" + shop.pid(), null, null, false)
              : JmxAddress.parse(shop.jmxUrl, null, null, false);
      JvmSampler sampler =
          new JvmSampler(
              address, Duration.ofSeconds(30), Duration.ofSeconds(60), Clock.systemUTC());
      try (JvmMonitor monitor =
          new JvmMonitor(
              scenario,
              sampler,
              new HistogramScheduler(HISTOGRAM_EVERY, Duration.ofSeconds(5)),
              dumps.resolve("local"),
              dumps.resolve("remote").toString(),
              Duration.ofSeconds(10),
              Clock.systemUTC())) {
        List<JvmSample> samples = new ArrayList<>();
        samples.add(monitor.sample());
        // Its own thread: the common pool has one thread on two cores, and six loads block.
        FutureTask<Integer> load = new FutureTask<>(() -> shop.load(RATE, LOAD));
        Thread loader = new Thread(load, "load " + scenario);
        loader.setDaemon(true);
        loader.start();
        while (!load.isDone()) {
          monitor.histogramIfDue(false);
          samples.add(monitor.sample());
          Thread.sleep(1000);
        }
        int requests = load.get();
        samples.add(monitor.sample());
        boolean leak = CULPRITS.containsKey(scenario);
        JvmLeakReport report =
            monitor.report(
                new FloorVerdict(leak ? "leak" : "no-leak", null, null, "given by the test"));
        return new Run(scenario, requests, samples, monitor.histograms(), report);
      }
    }
  }
}
