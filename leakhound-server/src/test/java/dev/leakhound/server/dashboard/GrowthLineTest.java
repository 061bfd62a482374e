package dev.leakhound.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.store.SeriesData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GrowthLineTest {
  private static final double HOUR = 3_600_000.0;

  private static SignalVerdict verdict(double slope, double low, double high, long from, long to) {
    return new SignalVerdict(
        "heap_floor_bytes",
        "leak",
        slope,
        low,
        high,
        0.99,
        3600.0,
        1e9,
        100,
        from,
        to,
        "2026-01-01T00:00:00Z",
        "grows",
        null,
        null,
        "series start",
        "not-checked",
        "no-load-signal");
  }

  @Test
  void anExactLineIsAnchoredOnItself() {
    int n = 61;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1_000_000 + i * 60_000L;
      v[i] = 5e6 + 2e6 * (t[i] - t[0]) / HOUR;
    }
    DashboardViews.Fit fit =
        GrowthLine.of(verdict(2e6, 1.5e6, 2.5e6, t[0], t[n - 1]), new SeriesData(t, v, v, v, 0));

    assertThat(fit.anchorT()).isEqualTo(t[30]);
    assertThat(fit.anchorValue()).isCloseTo(v[30], within(1e-6));
    assertThat(fit.growthPerHourLow()).isEqualTo(1.5e6);
  }

  @Test
  void theAnchorIsTheMedianResidualAsABruteForceSearchFindsIt() {
    Random r = new Random(42);
    for (int round = 0; round < 50; round++) {
      int n = 5 + r.nextInt(200);
      long[] t = new long[n];
      double[] v = new double[n];
      double slope = r.nextGaussian() * 1e6;
      for (int i = 0; i < n; i++) {
        t[i] = i * 15_000L + r.nextInt(1000);
        v[i] = 1e7 + slope * t[i] / HOUR + r.nextGaussian() * 3e5 + (r.nextInt(20) == 0 ? 5e6 : 0);
      }
      DashboardViews.Fit fit =
          GrowthLine.of(
              verdict(slope, slope, slope, t[0], t[n - 1]), new SeriesData(t, v, v, v, 0));

      // Oracle: the intercept minimizing the sum of absolute residuals is a median, so no
      // candidate intercept (any residual) does better.
      double intercept = fit.anchorValue() - slope * (fit.anchorT() - t[0]) / HOUR;
      double best = absSum(t, v, slope, intercept);
      for (int i = 0; i < n; i++) {
        double candidate = v[i] - slope * (t[i] - t[0]) / HOUR;
        assertThat(absSum(t, v, slope, candidate)).isGreaterThanOrEqualTo(best - 1e-3);
      }
    }
  }

  private static double absSum(long[] t, double[] v, double slope, double intercept) {
    double s = 0;
    for (int i = 0; i < t.length; i++) {
      s += Math.abs(v[i] - intercept - slope * (t[i] - t[0]) / HOUR);
    }
    return s;
  }

  @Test
  void noSamplesOrNoVerdictMeansNoLine() {
    assertThat(GrowthLine.of(null, SeriesData.EMPTY)).isNull();
    assertThat(GrowthLine.of(verdict(1, 0, 2, 0, 1), SeriesData.EMPTY)).isNull();
  }
}
