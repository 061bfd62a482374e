package dev.leakhound.analysis.trend;

import static dev.leakhound.analysis.trend.Inputs.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.leakhound.testkit.series.MemorySeries;
import org.junit.jupiter.api.Test;

class TrendAnalyzerTest {
  private static final double H = 3600;
  private final TrendAnalyzer analyzer = new TrendAnalyzer();

  @Test
  void aSteadyLeakIsALeakWithItsRateAndInterval() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(1)
                .duration(3 * H)
                .sampling(15, 0)
                .floor(256 * MIB)
                .leak(20 * MIB, 0)
                .gaussianNoise(2 * MIB)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
    assertThat(v.slopeLow()).isLessThan(v.slopePerHour());
    assertThat(v.slopeHigh()).isGreaterThan(v.slopePerHour());
    assertThat(v.slopePerHour()).isCloseTo(20 * MIB, within(1 * MIB));
    assertThat(v.confidence()).isGreaterThan(0.999);
    assertThat(v.reason())
        .startsWith("Leaking: the heap after GC floor grows 19.8 MiB/h, 95% interval");
    assertThat(v.evidence().floorMethod()).isEqualTo("after-gc values");
    assertThat(v.evidence().plateau().outcome()).isEqualTo(PlateauCheck.Outcome.STILL_GROWING);
    assertThat(v.timeToLimitSeconds()).isNull();
  }

  @Test
  void theSlopeIntervalCoversTheTrueRateAboutAsOftenAsItsLevelSays() {
    int covered = 0;
    int runs = 60;
    for (int seed = 100; seed < 100 + runs; seed++) {
      MemorySeries s =
          MemorySeries.builder(seed)
              .duration(2 * H)
              .sampling(30, 0)
              .floor(256 * MIB)
              .leak(20 * MIB, 0)
              .gaussianNoise(2 * MIB)
              .build();
      Verdict v = analyzer.analyze(Inputs.of(s));
      if (v.slopeLow() <= 20 * MIB && 20 * MIB <= v.slopeHigh()) {
        covered++;
      }
    }
    // 95 % intervals: 60 runs cover the truth 57 times on average; 52 is 3 standard deviations.
    assertThat(covered).isGreaterThanOrEqualTo(52);
  }

  @Test
  void theTimeToTheLimitIsARangeAroundTheEstimate() {
    TrendInput in =
        TrendInput.builder(
                SignalKind.HEAP_AFTER_GC,
                MemorySeries.builder(2)
                    .duration(2 * H)
                    .floor(256 * MIB)
                    .leak(64 * MIB, 0)
                    .gaussianNoise(1 * MIB)
                    .build()
                    .times(),
                MemorySeries.builder(2)
                    .duration(2 * H)
                    .floor(256 * MIB)
                    .leak(64 * MIB, 0)
                    .gaussianNoise(1 * MIB)
                    .build()
                    .column("heap_after_gc"))
            .limit(1024 * MIB)
            .build();

    Verdict v = analyzer.analyze(in);

    // 256 MiB + 2 h x 64 MiB/h = 384 MiB now; 640 MiB to go at 64 MiB/h is about 10 h.
    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
    assertThat(v.timeToLimitSeconds()).isCloseTo(10 * H, within(0.5 * H));
    assertThat(v.timeToLimitLowSeconds()).isLessThanOrEqualTo(v.timeToLimitSeconds());
    assertThat(v.timeToLimitHighSeconds()).isGreaterThanOrEqualTo(v.timeToLimitSeconds());
    assertThat(v.reason()).contains("reaches the 1.00 GiB limit in about 10h");
  }

  @Test
  void growthThatWouldTakeMonthsToReachTheLimitIsNoPage() {
    MemorySeries s =
        MemorySeries.builder(3)
            .duration(6 * H)
            .sampling(30, 0)
            .floor(256 * MIB)
            .leak(8 * MIB, 0)
            .gaussianNoise(1 * MIB)
            .build();
    double[] times = s.times();
    double[] values = s.column("heap_after_gc");

    Verdict unlimited =
        analyzer.analyze(TrendInput.builder(SignalKind.HEAP_AFTER_GC, times, values).build());
    Verdict farLimit =
        analyzer.analyze(
            TrendInput.builder(SignalKind.HEAP_AFTER_GC, times, values)
                .limit(64 * 1024 * MIB)
                .build());

    assertThat(unlimited.verdict()).isEqualTo(VerdictKind.LEAK);
    // 64 GiB at 8 MiB/h is about 11 months away, beyond the 30-day horizon.
    assertThat(farLimit.verdict()).isEqualTo(VerdictKind.NO_LEAK);
    assertThat(farLimit.reason()).startsWith("No leak worth paging: the heap after GC floor grows");
    assertThat(farLimit.reason()).contains("to reach the limit (more than 30d)");
  }

  @Test
  void optionsRebuiltFromTheDefaultsKeepTheThirtyDayLimitHorizon() {
    TrendOptions d = TrendOptions.defaults();
    TrendOptions o = d.toBuilder().build();

    assertThat(o).isEqualTo(d);
    assertThat(o.limitHorizonSeconds()).isEqualTo(30 * 86400.0);
  }

  @Test
  void aGcSawtoothOverAFlatFloorIsNoLeak() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(3)
                .duration(3 * H)
                .sampling(15, 0)
                .floor(200 * MIB)
                .gaussianNoise(1 * MIB)
                .sawtooth(40, false)
                .build(),
            SignalKind.LIVE_HEAP);

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.NO_LEAK);
    assertThat(v.evidence().floorMethod()).isEqualTo("rolling minimum");
    assertThat(v.evidence().gcPeriodSeconds()).isBetween(30.0, 60.0);
  }

  @Test
  void aGcCounterGivesOnePointPerCycle() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(4)
                .duration(2 * H)
                .sampling(15, 0)
                .floor(200 * MIB)
                .leak(40 * MIB, 0)
                .sawtooth(120, true)
                .build(),
            SignalKind.LIVE_HEAP);

    Verdict v = analyzer.analyze(in);

    assertThat(v.evidence().floorMethod()).isEqualTo("per-gc-cycle minimum");
    assertThat(v.evidence().gcPeriodSeconds()).isBetween(100.0, 140.0);
    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
  }

  @Test
  void aCacheThatLevelsOffIsNoLeak() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(5)
                .duration(3 * H)
                .sampling(30, 0)
                .floor(200 * MIB)
                .cacheWarmUp(150 * MIB, 8 * 60)
                .gaussianNoise(1.5 * MIB)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.NO_LEAK);
  }

  @Test
  void growthThatFollowsTheRequestRateIsLoad() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(6)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(256 * MIB)
                .load(
                    MemorySeries.piecewise(0, 50, 1 * H, 50, 3 * H, 400, 4 * H, 400, 6 * H, 50),
                    256 * 1024,
                    0)
                .gaussianNoise(1.5 * MIB)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.NO_LEAK);
    assertThat(v.evidence().load().outcome()).isEqualTo(LoadCheck.Outcome.FOLLOWS_LOAD);
    assertThat(v.evidence().load().perRatePerSecond()).isCloseTo(256 * 1024, within(40_000.0));
  }

  @Test
  void growthPerRequestThatPersistsIsALeak() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(7)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(256 * MIB)
                .load(
                    MemorySeries.piecewise(0, 50, 1 * H, 50, 3 * H, 400, 4 * H, 400, 6 * H, 50),
                    256 * 1024,
                    64)
                .gaussianNoise(1.5 * MIB)
                .build());

    Verdict v = analyzer.analyze(in.head(in.size() * 5 / 8));

    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
    assertThat(v.evidence().load().outcome()).isEqualTo(LoadCheck.Outcome.PERSISTS_UNDER_LOAD);
    assertThat(v.evidence().load().perRequest()).isCloseTo(64, within(10.0));
  }

  @Test
  void onlyTheCurrentProcessLifetimeIsJudged() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(8)
                .duration(6 * H)
                .sampling(30, 0)
                .floor(256 * MIB)
                .leak(60 * MIB, 0)
                .gaussianNoise(1 * MIB)
                .restart(5 * H)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.evidence().restarts()).isEqualTo(1);
    assertThat(v.evidence().segmentCause()).isEqualTo("restart");
    assertThat(v.evidence().segmentStart()).isGreaterThanOrEqualTo(in.time(0) + 5 * H + 300);
    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
  }

  @Test
  void aDeployThatShiftsTheLevelOnceIsNoLeak() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(9)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(256 * MIB)
                .levelShift(4 * H, 60 * MIB)
                .gaussianNoise(1.5 * MIB)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.NO_LEAK);
    assertThat(v.evidence().segmentCause()).isEqualTo("level shift");
  }

  @Test
  void creepBelowThePracticalMinimumIsNoLeak() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(10)
                .duration(12 * H)
                .sampling(60, 0)
                .floor(512 * MIB)
                .leak(0.003 * 512 * MIB, 0)
                .gaussianNoise(0.2 * MIB)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.NO_LEAK);
    assertThat(v.reason()).startsWith("No leak worth reporting").contains("practical minimum");
    assertThat(v.evidence().minimumGrowthPerHour()).isCloseTo(5.12 * MIB, within(0.2 * MIB));
  }

  @Test
  void growthIsOnlySuspectUntilItHasLastedLongEnough() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(11)
                .duration(12 * 60)
                .sampling(15, 0)
                .floor(64 * MIB)
                .leak(64 * MIB, 0)
                .gaussianNoise(0.5 * MIB)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.SUSPECT);
    assertThat(v.reason()).contains("growth must last 10m");
  }

  @Test
  void tooLittleDataIsSaidPlainly() {
    double[] one = {1_767_225_600};
    Verdict single =
        analyzer.analyze(TrendInput.of(SignalKind.HEAP_AFTER_GC, one, new double[] {5e6}));
    Verdict none =
        analyzer.analyze(TrendInput.of(SignalKind.HEAP_AFTER_GC, new double[0], new double[0]));

    assertThat(single.verdict()).isEqualTo(VerdictKind.INSUFFICIENT_DATA);
    assertThat(single.confidence()).isZero();
    assertThat(single.slopePerHour()).isNull();
    assertThat(single.reason()).startsWith("Not enough data yet: 0 floor points");
    assertThat(none.verdict()).isEqualTo(VerdictKind.INSUFFICIENT_DATA);
    assertThat(none.reason()).isEqualTo("Not enough data yet: the series has no samples.");
  }

  @Test
  void missingSamplesAreSkipped() {
    MemorySeries s =
        MemorySeries.builder(12)
            .duration(3 * H)
            .sampling(30, 0.3)
            .missing(0.2)
            .floor(256 * MIB)
            .leak(30 * MIB, 0)
            .gaussianNoise(1 * MIB)
            .build();

    Verdict v = analyzer.analyze(Inputs.of(s));

    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
    assertThat(v.slopePerHour()).isCloseTo(30 * MIB, within(3 * MIB));
  }

  @Test
  void aGoroutineCountIsJudgedInCounts() {
    MemorySeries s =
        MemorySeries.builder(13)
            .duration(4 * H)
            .sampling(30, 0)
            .floor(100)
            .leak(30, 0)
            .gaussianNoise(3)
            .signal("goroutines")
            .build();

    Verdict v = analyzer.analyze(Inputs.of(s, SignalKind.GOROUTINES));

    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
    assertThat(v.unit()).isEqualTo("count");
    assertThat(v.reason()).contains("goroutines floor grows 3");
  }

  @Test
  void aFloorThatRisesInStepsAndNeverFallsIsAStepLeakEvenBetweenSteps() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(14)
                .duration(5 * H)
                .sampling(30, 0)
                .floor(256 * MIB)
                .stepLeak(16 * MIB, 40 * 60, 20 * 60)
                .gaussianNoise(1 * MIB)
                .build());

    // The last step came at 4 h 20 m; at 5 h the floor has been flat for 40 minutes.
    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.LEAK);
    assertThat(v.reason()).startsWith("Leaking in steps: the heap after GC floor went up in");
  }

  @Test
  void aCacheThatFilledUpIsJudgedByWhatItDoesNow() {
    TrendInput in =
        Inputs.of(
            MemorySeries.builder(15)
                .duration(2 * H)
                .sampling(30, 0)
                .floor(200 * MIB)
                .cacheFill(100 * MIB, 12 * 60)
                .gaussianNoise(1 * MIB)
                .build());

    Verdict v = analyzer.analyze(in);

    assertThat(v.verdict()).isEqualTo(VerdictKind.NO_LEAK);
    assertThat(v.evidence().segmentCause()).isEqualTo("growth stopped");
  }
}
