package dev.leakhound.bench;

import dev.leakhound.analysis.trend.SignalKind;
import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.analysis.trend.TrendInput;
import dev.leakhound.analysis.trend.TrendOptions;
import dev.leakhound.analysis.trend.Verdict;
import dev.leakhound.analysis.trend.stats.MannKendall;
import dev.leakhound.analysis.trend.stats.SlopeSelection;
import dev.leakhound.testkit.series.MemorySeries;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verdicts for a fleet: 10,000 series of 5,760 points each (a day at 15 s) judged on two worker
 * threads, as the watch service would at one evaluation. The series mix what a fleet shows:
 * after-GC floors that leak or stay flat, live heaps that saw (rolling-minimum floor) and floors
 * under a varying load (load guard). 500 distinct series are generated and each is judged 20 times,
 * which keeps the working set at ~45 MB instead of ~900 MB; the cost of a verdict does not depend
 * on having seen the series before (the analyzer keeps no state).
 *
 * <p>Also the building blocks on one 5,760-point series: Mann-Kendall (Knight's merge count) and
 * the Theil-Sen slope with its interval (randomized slope selection), without the engine's
 * reduction to block medians.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class TrendBenchmark {
  static final int POINTS = 5760;
  static final int DISTINCT = 500;
  static final int SERIES = 10_000;
  static final int THREADS = 2;
  private static final double MIB = 1024 * 1024;

  TrendInput[] inputs;
  double[] x;
  double[] y;
  ExecutorService pool;
  final TrendAnalyzer analyzer = new TrendAnalyzer();
  final TrendAnalyzer fullResolution =
      new TrendAnalyzer(TrendOptions.defaults().withMaxStatisticPoints(Integer.MAX_VALUE));

  @Setup(Level.Trial)
  public void setUp() {
    inputs = new TrendInput[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      inputs[i] = series(i);
    }
    x = times(inputs[0]);
    y = values(inputs[0]);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  /** One day of one signal at 15 s; the kind of series cycles with the index. */
  static TrendInput series(int i) {
    MemorySeries.Builder b =
        MemorySeries.builder(i).duration((POINTS - 1) * 15.0).sampling(15, 0).floor(256 * MIB);
    SignalKind kind = SignalKind.HEAP_AFTER_GC;
    switch (i % 4) {
      case 0 -> b.leak(0.01 * (1 + i % 7) * 256 * MIB, 0).gaussianNoise(2 * MIB);
      case 1 -> b.gaussianNoise(2 * MIB).wander(2 * MIB, 0.95);
      case 2 -> {
        b.gaussianNoise(1 * MIB).sawtooth(40 + i % 60, false);
        kind = SignalKind.LIVE_HEAP;
      }
      default ->
          b.load(MemorySeries.daily(200, 0.5, 0), 256 * 1024, i % 8 == 3 ? 16 : 0)
              .gaussianNoise(1.5 * MIB);
    }
    MemorySeries s = b.build();
    return TrendInput.builder(kind, s.times(), s.column(s.columnNames().get(0)))
        .requests(s.column("requests_total"))
        .build();
  }

  /** 10,000 verdicts on two threads; the score is the wall time of the whole batch. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int tenThousandSeriesOnTwoThreads() throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger leaks = new AtomicInteger();
    Future<?>[] workers = new Future<?>[THREADS];
    for (int w = 0; w < THREADS; w++) {
      workers[w] =
          pool.submit(
              () -> {
                for (int k; (k = next.getAndIncrement()) < SERIES; ) {
                  Verdict v = analyzer.analyze(inputs[k % DISTINCT]);
                  if (v.isLeak()) {
                    leaks.incrementAndGet();
                  }
                }
              });
    }
    for (Future<?> f : workers) {
      f.get();
    }
    return leaks.get();
  }

  /** One verdict with the statistics on all 5,760 points (no block medians). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Verdict oneSeriesFullResolution() {
    return fullResolution.analyze(inputs[0]);
  }

  /** Mann-Kendall S and its tie-corrected variance on 5,760 points. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public MannKendall mannKendall5760() {
    return MannKendall.of(y, POINTS);
  }

  /** Theil-Sen median and the two interval limits among 16.6 million slopes. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double theilSenWithInterval5760() {
    SlopeSelection s = new SlopeSelection(x, y, POINTS, 7);
    long n = s.pairs();
    return s.atRank((n + 1) / 2.0) + s.atRank(n / 2.0 - 140_000) + s.atRank(n / 2.0 + 140_000);
  }

  private static double[] times(TrendInput in) {
    double[] t = new double[in.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = in.time(i);
    }
    return t;
  }

  private static double[] values(TrendInput in) {
    double[] v = new double[in.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.value(i);
    }
    return v;
  }
}
