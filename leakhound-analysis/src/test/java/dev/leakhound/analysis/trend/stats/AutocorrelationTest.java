package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutocorrelationTest {
  @Test
  void theFftPathAgreesWithTheDirectSum() {
    SplittableRandom random = new SplittableRandom(2);
    int n = 3000;
    double[] x = new double[n];
    for (int i = 1; i < n; i++) {
      x[i] = 0.8 * x[i - 1] + random.nextGaussian();
    }
    double[] fft = Autocorrelation.of(x, n, n - 1);

    double mean = 0;
    for (double v : x) {
      mean += v / n;
    }
    double c0 = 0;
    for (double v : x) {
      c0 += (v - mean) * (v - mean);
    }
    for (int k : new int[] {1, 2, 10, 500, 2999}) {
      double sum = 0;
      for (int t = 0; t + k < n; t++) {
        sum += (x[t] - mean) * (x[t + k] - mean);
      }
      assertThat(fft[k - 1]).as("lag %d", k).isCloseTo(sum / c0, within(1e-9));
    }
    assertThat(fft[0]).isCloseTo(0.8, within(0.05));
  }

  @Test
  void aConstantSeriesHasNoAutocorrelation() {
    assertThat(Autocorrelation.of(new double[] {3, 3, 3, 3}, 4, 3)).containsExactly(0, 0, 0);
  }
}
