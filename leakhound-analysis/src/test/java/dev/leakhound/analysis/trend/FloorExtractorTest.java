package dev.leakhound.analysis.trend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloorExtractorTest {
  @Test
  void afterGcValuesKeepOnePointPerCollection() {
    double[] t = {0, 15, 30, 45, 60, 75};
    double[] v = {100, 100, 120, 120, 120, 90};

    Floor f = FloorExtractor.extract(TrendInput.of(SignalKind.HEAP_AFTER_GC, t, v), 0, 6);

    assertThat(f.times()).containsExactly(0, 30, 75);
    assertThat(f.values()).containsExactly(100, 120, 90);
    assertThat(f.method()).isEqualTo("after-gc values");
  }

  @Test
  void aGcCounterGivesEachCyclesMinimum() {
    double[] t = {0, 10, 20, 30, 40, 50, 60, 70};
    double[] v = {50, 70, 90, 52, 75, 95, 55, 80};
    double[] gc = {1, 1, 1, 2, 2, 2, 3, 3};
    TrendInput in = TrendInput.builder(SignalKind.LIVE_HEAP, t, v).gcCycles(gc).build();

    Floor f = FloorExtractor.extract(in, 0, 8);

    assertThat(f.method()).isEqualTo("per-gc-cycle minimum");
    assertThat(f.times()).containsExactly(0, 30, 60);
    assertThat(f.values()).containsExactly(50, 52, 55);
    assertThat(f.gcPeriodSeconds()).isEqualTo(35);
  }

  @Test
  void aSawtoothWithoutMarkersIsReducedToMinimaOverWindowsLongerThanItsPeriod() {
    int n = 240;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * 5;
      v[i] = 1000 + (i % 8) * 100; // a collection every 40 s, back to 1000
    }

    Floor f = FloorExtractor.extract(TrendInput.of(SignalKind.LIVE_HEAP, t, v), 0, n);

    assertThat(f.method()).isEqualTo("rolling minimum");
    // 29 drops in 1,195 s.
    assertThat(f.gcPeriodSeconds()).isBetween(40.0, 42.0);
    assertThat(f.windowSeconds()).isEqualTo(4 * f.gcPeriodSeconds());
    assertThat(f.values()).containsOnly(1000.0);
  }

  @Test
  void missingValuesAreSkipped() {
    double[] t = {0, 1, 2};
    double[] v = {Double.NaN, 7, Double.NaN};

    Floor f = FloorExtractor.extract(TrendInput.of(SignalKind.HEAP_AFTER_GC, t, v), 0, 3);

    assertThat(f.values()).containsExactly(7);
  }
}
