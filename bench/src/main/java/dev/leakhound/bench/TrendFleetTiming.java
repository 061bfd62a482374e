package dev.leakhound.bench;

import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.analysis.trend.TrendInput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet benchmark of {@link TrendBenchmark} as a plain program that also reports CPU time: on a
 * shared machine the wall time of two busy threads depends on the neighbours, their CPU time much
 * less. Prints, per round, the wall time of 10,000 verdicts on two threads, the CPU seconds they
 * used, and CPU / 2, the wall time two idle cores would need.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.leakhound.bench.TrendFleetTiming [rounds]</pre>
 */
public final class TrendFleetTiming {
  private TrendFleetTiming() {}

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    TrendInput[] inputs = new TrendInput[TrendBenchmark.DISTINCT];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = TrendBenchmark.series(i);
    }
    TrendAnalyzer analyzer = new TrendAnalyzer();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      AtomicInteger next = new AtomicInteger();
      AtomicLong cpu = new AtomicLong();
      AtomicInteger leaks = new AtomicInteger();
      Thread[] workers = new Thread[TrendBenchmark.THREADS];
      long start = System.nanoTime();
      for (int w = 0; w < workers.length; w++) {
        workers[w] =
            new Thread(
                () -> {
                  long c0 = threads.getCurrentThreadCpuTime();
                  for (int k; (k = next.getAndIncrement()) < TrendBenchmark.SERIES; ) {
                    if (analyzer.analyze(inputs[k % inputs.length]).isLeak()) {
                      leaks.incrementAndGet();
                    }
                  }
                  cpu.addAndGet(threads.getCurrentThreadCpuTime() - c0);
                });
        workers[w].start();
      }
      for (Thread w : workers) {
        w.join();
      }
      double wall = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = cpu.get() / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %d verdicts (%d leak) of %d points: wall %.2f s, cpu %.2f s,"
              + " cpu/2 %.2f s%n",
          round,
          TrendBenchmark.SERIES,
          leaks.get(),
          TrendBenchmark.POINTS,
          wall,
          cpuSeconds,
          cpuSeconds / 2);
    }
  }
}
