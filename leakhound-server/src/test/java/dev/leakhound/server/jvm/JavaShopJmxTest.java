package dev.leakhound.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.jvm.GrowthSuspect;
import dev.leakhound.analysis.jvm.HistogramGrowth;
import dev.leakhound.analysis.jvm.HistogramGrowthDetector;
import dev.leakhound.formats.jvm.ClassHistogram;
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
  // After bounded-cache's 400 entries have filled (16 s at 25/s): its plateau must not read as
  // a leak, and the leaks must still be told from it.
  private static final long[] HISTOGRAMS_AT_MILLIS = {24_000, 36_000, 48_000, 59_000};

  private static final Map<String, String> CULPRITS =
      Map.of(
          "static-map-leak", "dev.leakhound.lab.javashop.AuditEntry",
          "listener-leak", "dev.leakhound.lab.javashop.CheckoutPriceListener",
          "threadlocal-leak", "dev.leakhound.lab.javashop.RequestTrace");
  private static final List<String> CONTROLS = List.of("bounded-cache", "load-follow", "steady");

  /** What one scenario's run gathered. */
  record Run(
      String scenario,
      int requests,
      List<JvmSample> samples,
      List<HistogramCapture> histograms,
      HeapDumpCapture dump) {}

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
        Run run = f.get(3, TimeUnit.MINUTES);
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
    assertThat(run.histograms()).as(run.scenario()).hasSize(HISTOGRAMS_AT_MILLIS.length);
    List<ClassHistogram> series = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Path saved = Path.of("target", "javashop-jmx");
    Files.createDirectories(saved);
    for (HistogramCapture h : run.histograms()) {
      series.add(h.histogram());
      names.add(run.scenario() + "@" + h.timeMillis());
      Files.writeString(saved.resolve(run.scenario() + "-" + names.size() + ".txt"), h.text());
      assertThat(h.lifetime()).isEqualTo(run.samples().get(0).lifetime());
    }
    HistogramGrowth growth = HistogramGrowthDetector.detect(series, names);
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
      assertThat(growth.suspects()).as(run.scenario() + " is a control").isEmpty();
      return;
    }
    assertThat(growth.suspects()).as(run.scenario()).isNotEmpty();
    GrowthSuspect top = growth.suspects().get(0);
    assertThat(top.className()).as(run.scenario()).isEqualTo(culprit);
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
    if (run.dump() != null) {
      assertThat(run.dump().onThisHost()).isTrue();
      assertThat(run.dump().sizeBytes()).isGreaterThan(1 << 20);
      try (InputStream in = Files.newInputStream(Path.of(run.dump().path()))) {
        assertThat(new String(in.readNBytes(18), StandardCharsets.US_ASCII))
            .isEqualTo("JAVA PROFILE 1.0.2");
      }
    }
  }

  private Run run(String scenario, boolean byPid) throws Exception {
    try (JavaShop shop = JavaShop.start(scenario, LEAK_BYTES)) {
      JmxAddress address =
          byPid
              ? JmxAddress.parse("pid:" + shop.pid(), null, null, false)
              : JmxAddress.parse(shop.jmxUrl, null, null, false);
      try (JvmSampler sampler =
          new JvmSampler(
              address, Duration.ofSeconds(30), Duration.ofSeconds(60), Clock.systemUTC())) {
        List<JvmSample> samples = new ArrayList<>();
        List<HistogramCapture> histograms = new ArrayList<>();
        samples.add(sampler.sample());
        // Its own thread: the common pool has one thread on two cores, and six loads block.
        FutureTask<Integer> load = new FutureTask<>(() -> shop.load(RATE, LOAD));
        Thread loader = new Thread(load, "load " + scenario);
        loader.setDaemon(true);
        loader.start();
        long start = System.currentTimeMillis();
        int next = 0;
        while (!load.isDone()) {
          long elapsed = System.currentTimeMillis() - start;
          if (next < HISTOGRAMS_AT_MILLIS.length && elapsed >= HISTOGRAMS_AT_MILLIS[next]) {
            histograms.add(sampler.classHistogram());
            next++;
          }
          samples.add(sampler.sample());
          Thread.sleep(1000);
        }
        int requests = load.get();
        samples.add(sampler.sample());
        HeapDumpCapture dump = null;
        if (byPid) {
          dump = sampler.dumpHeap(dumps.resolve(scenario + ".hprof").toString(), true);
        }
        return new Run(scenario, requests, samples, histograms, dump);
      }
    }
  }
}
