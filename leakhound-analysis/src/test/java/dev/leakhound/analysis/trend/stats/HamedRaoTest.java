package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HamedRaoTest {
  @Test
  void theNileCorrectionFactorMatchesModifiedmk() {
    // R modifiedmk 1.6, mmkh(c(Nile)): Sen's slope -2.6 (per year), N/N* 2.14289832710.
    double[] x = ReferenceData.index(100);
    double factor = HamedRao.varianceFactor(x, ReferenceData.NILE, 100, -2.6, 0.95, 99);

    assertThat(factor).isCloseTo(2.14289832710, within(1e-10));
  }

  @Test
  void independentNoiseNeedsLittleCorrection() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    int n = 2000;
    double[] x = ReferenceData.index(n);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextDouble();
    }

    assertThat(HamedRao.varianceFactor(x, y, n, 0, 0.95, n - 1)).isBetween(0.5, 1.5);
  }

  @Test
  void aRandomWalkIsHeavilyCorrected() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    int n = 2000;
    double[] x = ReferenceData.index(n);
    double[] y = new double[n];
    for (int i = 1; i < n; i++) {
      y[i] = y[i - 1] + random.nextDouble() - 0.5;
    }

    assertThat(HamedRao.varianceFactor(x, y, n, 0, 0.95, n - 1)).isGreaterThan(10);
  }
}
