package dev.leakhound.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.store.SeriesData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartColumnsTest {
  private static SeriesData raw(long[] t, double... v) {
    return new SeriesData(t, v, v.clone(), v.clone(), 0);
  }

  @Test
  void rawSeriesOfTheSameScrapesShareOneAxis() {
    ChartColumns c =
        ChartColumns.align(
            List.of(raw(new long[] {10, 20, 30}, 1, 2, 3), raw(new long[] {10, 20, 30}, 7, 8, 9)),
            0);

    assertThat(c.t()).containsExactly(10, 20, 30);
    assertThat(c.v().get(0)).containsExactly(1.0, 2.0, 3.0);
    assertThat(c.v().get(1)).containsExactly(7.0, 8.0, 9.0);
    assertThat(c.min().get(0)).isNull();
    assertThat(c.stepMillis()).isZero();
  }

  @Test
  void aSeriesMissingATimeGetsNullThere() {
    ChartColumns c =
        ChartColumns.align(
            List.of(raw(new long[] {10, 20, 30}, 1, 2, 3), raw(new long[] {20, 40}, 8, 9)), 0);

    assertThat(c.t()).containsExactly(10, 20, 30, 40);
    assertThat(c.v().get(0)).containsExactly(1.0, 2.0, 3.0, null);
    assertThat(c.v().get(1)).containsExactly(null, 8.0, null, 9.0);
  }

  @Test
  void bucketsAreSnappedToTheirMiddlesSoDifferentlyTimedMeansAlign() {
    // Both series are bucketed by 100 ms from 1000: their points' mean times differ within a
    // bucket, but they stand for the same buckets.
    SeriesData a =
        new SeriesData(
            new long[] {1010, 1150},
            new double[] {1, 2},
            new double[] {0, 1},
            new double[] {2, 3},
            100);
    SeriesData b =
        new SeriesData(
            new long[] {1090, 1101},
            new double[] {5, 6},
            new double[] {5, 6},
            new double[] {5, 6},
            100);

    ChartColumns c = ChartColumns.align(List.of(a, b), 1000);

    assertThat(c.t()).containsExactly(1050, 1150);
    assertThat(c.v().get(0)).containsExactly(1.0, 2.0);
    assertThat(c.v().get(1)).containsExactly(5.0, 6.0);
    assertThat(c.min().get(0)).containsExactly(0.0, 1.0);
    assertThat(c.max().get(0)).containsExactly(2.0, 3.0);
    assertThat(c.stepMillis()).isEqualTo(100);
  }

  @Test
  void theRateOfACounterSkipsGapsAndRestarts() {
    long[] t = {0, 60_000, 120_000, 180_000, 240_000};
    Double[] counter = {10.0, 16.0, null, 22.0, 1.0};

    Double[] rate = ChartColumns.ratePerMinute(t, counter);

    // 6 per minute, then across the gap 6 over two minutes, then a reset (restart): no rate.
    assertThat(rate).containsExactly(null, 6.0, null, 3.0, null);
  }
}
