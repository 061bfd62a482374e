package dev.leakhound.analysis.gctrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.gctrace.GcTrace;
import dev.leakhound.formats.gctrace.GcTraceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The advice rules on traces built line by line in the runtime's own format. */
class GcAdvisorTest {
  /**
   * A trace of {@code n} cycles {@code every} seconds apart, each costing {@code cpuMs} of CPU
   * (split as given between assists and background marking) on {@code procs} Ps, with the live heap
   * and goal given per cycle.
   */
  static GcTrace trace(
      int n,
      double every,
      double cpuMs,
      double assistShare,
      int procs,
      long[] live,
      long[] goal,
      boolean forcedEvery3)
      throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double assist = cpuMs * assistShare;
      double background = cpuMs - assist;
      log.append(
          String.format(
              Locale.ROOT,
              "gc %d @%.3fs 1%%: 0.050+1.5+0.010 ms clock, 0+%.3f/%.3f/0+0 ms cpu, %d->%d->%d MB, %d"
                  + " MB goal, 0 MB stacks, 0 MB globals, %d P%s%n",
              i + 1,
              1 + i * every,
              assist,
              background,
              goal[i % goal.length],
              goal[i % goal.length],
              live[i % live.length],
              goal[i % goal.length],
              procs,
              forcedEvery3 && i % 3 == 0 ? " (forced)" : ""));
    }
    return new GcTraceReader()
        .read("t.log", new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static GcReport analyze(GcTrace trace, GcSettings settings) {
    return new GcTraceAnalyzer(LiveHeapTrendJudge.NOT_JUDGED).analyze(trace, settings);
  }

  @Test
  void expensiveGcOnASmallHeapAdvisesRaisingGogcByTheFactorThatReachesTheTarget()
      throws IOException {
    // 24 ms of CPU every 0.1 s on 2 Ps: 12% of the machine.
    GcTrace t = trace(50, 0.1, 24, 0.1, 2, new long[] {20}, new long[] {40}, false);

    GcReport r = analyze(t, GcSettings.UNKNOWN);

    assertThat(r.windowCpuPercent()).isEqualTo(12.0);
    assertThat(r.gogc()).isEqualTo(100);
    assertThat(r.gogcSource()).isEqualTo("estimated");
    assertThat(r.advice()).extracting(GcAdvice::id).containsExactly("raise-gogc", "set-gomemlimit");
    assertThat(r.advice().get(0).setting()).isEqualTo("GOGC=250");
    assertThat(r.advice().get(0).reason())
        .isEqualTo(
            "GC takes 12.0% of CPU (600.0 cycles/min) with only 20 MiB live: cycles are cheap but"
                + " come often; GOGC=250 (now 100) spaces them about 2.5x further apart for a peak"
                + " heap of about 70 MiB (now about 40 MiB)");
  }

  @Test
  void withAMemoryLimitGivenNoSecondLimitIsAdvised() throws IOException {
    GcTrace t = trace(50, 0.1, 40, 0.1, 2, new long[] {20}, new long[] {40}, false);

    GcReport r = analyze(t, new GcSettings(1024L << 20, null));

    assertThat(r.advice()).extracting(GcAdvice::id).containsExactly("raise-gogc");
    assertThat(r.advice().get(0).setting()).isEqualTo("GOGC=400");
  }

  @Test
  void expensiveGcWithALargeLiveHeapAdvisesAllocatingLess() throws IOException {
    GcTrace t = trace(50, 0.1, 40, 0.1, 2, new long[] {700}, new long[] {800}, false);

    GcReport r = analyze(t, new GcSettings(1024L << 20, 100));

    assertThat(r.advice())
        .extracting(GcAdvice::id)
        .contains("allocate-less")
        .doesNotContain("raise-gogc");
  }

  @Test
  void aGoalCloseToTheLimitIsFlaggedWithTheFigures() throws IOException {
    GcTrace t = trace(20, 30, 1, 0.1, 2, new long[] {300}, new long[] {470}, false);

    GcReport r = analyze(t, new GcSettings(500L << 20, null));

    assertThat(r.goalToLimitPercent()).isEqualTo(94.0);
    assertThat(r.advice().get(0).id()).isEqualTo("goal-near-limit");
    assertThat(r.advice().get(0).setting()).isEqualTo("GOMEMLIMIT=640MiB");
    assertThat(r.advice().get(0).reason())
        .startsWith("the heap goal reached 470 MiB, 94% of GOMEMLIMIT=500 MiB, with 300 MiB live");
  }

  @Test
  void aLiveHeapAtTheLimitComesFirst() throws IOException {
    GcTrace t = trace(20, 1, 1, 0.1, 2, new long[] {512}, new long[] {512}, false);

    GcReport r = analyze(t, new GcSettings(512L << 20, null));

    assertThat(r.advice().get(0).id()).isEqualTo("live-heap-over-limit");
  }

  @Test
  void heavyAssistsAreCalledOut() throws IOException {
    GcTrace t = trace(50, 0.1, 14, 0.6, 2, new long[] {20}, new long[] {40}, false);

    GcReport r = analyze(t, GcSettings.UNKNOWN);

    assertThat(r.assistPercent()).isEqualTo(60.0);
    assertThat(r.advice()).extracting(GcAdvice::id).contains("high-assists");
  }

  @Test
  void manyForcedCyclesAdviseDroppingRuntimeGc() throws IOException {
    GcTrace t = trace(30, 10, 1, 0.1, 2, new long[] {20}, new long[] {40}, true);

    GcReport r = analyze(t, GcSettings.UNKNOWN);

    assertThat(r.forcedCycles()).isEqualTo(10);
    assertThat(r.advice()).extracting(GcAdvice::id).containsExactly("drop-forced-gc");
  }

  @Test
  void aGrowingLiveHeapSaysFindTheLeakFirst() throws IOException {
    GcTrace t = trace(20, 60, 1, 0.1, 2, new long[] {10, 20, 30, 40}, new long[] {80}, false);
    LiveHeapTrendJudge leaking =
        (s, b, l, f) ->
            new LiveHeapTrend(
                "leak",
                0.99,
                12.5,
                10.0,
                15.0,
                null,
                "grows",
                "test",
                f.points(),
                f.firstMB(),
                f.lastMB(),
                f.minMB(),
                f.maxMB());

    GcReport r = new GcTraceAnalyzer(leaking).analyze(t, GcSettings.UNKNOWN);

    assertThat(r.advice().get(0).id()).isEqualTo("find-the-leak");
    assertThat(r.advice().get(0).reason())
        .startsWith("the live heap after GC grows by about 12.5 MiB/h (leak)");
  }

  @Test
  void aCheapGcKeepsTheSettingsAndSaysWhy() throws IOException {
    GcTrace t = trace(20, 30, 1, 0.1, 2, new long[] {50}, new long[] {100}, false);

    GcReport r = analyze(t, new GcSettings(1024L << 20, null));

    assertThat(r.advice()).extracting(GcAdvice::id).containsExactly("keep-settings");
    assertThat(r.advice().get(0).reason()).startsWith("GC takes 0.0% of CPU at 2.0 cycles/min");
  }

  @Test
  void gogcIsEstimatedFromGoalsAndLiveHeaps() throws IOException {
    GcTrace t = trace(20, 1, 1, 0.1, 2, new long[] {100}, new long[] {300}, false);

    assertThat(analyze(t, GcSettings.UNKNOWN).gogc()).isEqualTo(200);
  }

  @Test
  void noCyclesAtAllAdviseTurningTheTraceOn() throws IOException {
    GcTrace t =
        new GcTraceReader()
            .read("t.log", new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));

    GcReport r = analyze(t, GcSettings.UNKNOWN);

    assertThat(r.cycles()).isZero();
    assertThat(r.advice()).extracting(GcAdvice::setting).containsExactly("GODEBUG=gctrace=1");
  }

  @Test
  void memoryLimitsParseAsGoDoes() {
    assertThat(GcSettings.parseMemoryLimit("512MiB")).isEqualTo(512L << 20);
    assertThat(GcSettings.parseMemoryLimit("2GiB")).isEqualTo(2L << 30);
    assertThat(GcSettings.parseMemoryLimit("1073741824")).isEqualTo(1L << 30);
    assertThat(GcSettings.parseMemoryLimit("64 mb")).isEqualTo(64L << 20);
  }
}
