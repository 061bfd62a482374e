package dev.leakhound.analysis.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendFloorJudgeTest {
  private static final double MIB = 1 << 20;

  /** An hour of floor points a minute apart: {@code base} plus {@code perHour}, with noise. */
  private static double[][] floor(double base, double perHour, long seed) {
    Random r = new Random(seed);
    double[] t = new double[60];
    double[] v = new double[60];
    for (int i = 0; i < 60; i++) {
      t[i] = i * 60.0;
      v[i] = base + perHour * i / 60.0 + r.nextGaussian() * 0.2 * MIB;
    }
    return new double[][] {t, v};
  }

  @Test
  void aSteadilyGrowingFloorIsALeakWithItsSlopeAndTimeToTheMaximumHeap() {
    double[][] f = floor(100 * MIB, 30 * MIB, 1);

    FloorVerdict v = TrendFloorJudge.defaults().judge(f[0], f[1], 512L << 20, true);

    assertThat(v.verdict()).isEqualTo("leak");
    assertThat(v.slopeBytesPerHour()).isBetween(25 * MIB, 35 * MIB);
    assertThat(v.timeToLimitSeconds()).isPositive();
    assertThat(v.reason()).isNotBlank();
  }

  @Test
  void aFlatFloorIsNoLeak() {
    double[][] f = floor(100 * MIB, 0, 2);

    FloorVerdict v = TrendFloorJudge.defaults().judge(f[0], f[1], 512L << 20, true);

    assertThat(v.verdict()).isEqualTo("no-leak");
    assertThat(v.isLeak()).isFalse();
  }

  @Test
  void aFewSecondsOfLogAreNotEnoughData() {
    double[] t = {1, 2, 3, 4, 5};
    double[] v = {10 * MIB, 11 * MIB, 12 * MIB, 13 * MIB, 14 * MIB};

    FloorVerdict verdict = TrendFloorJudge.defaults().judge(t, v, -1, false);

    assertThat(verdict.verdict()).isEqualTo("insufficient-data");
    assertThat(verdict.timeToLimitSeconds()).isNull();
  }
}
