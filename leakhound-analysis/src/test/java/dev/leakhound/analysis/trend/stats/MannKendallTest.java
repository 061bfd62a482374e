package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class MannKendallTest {
  @Test
  void theNileSeriesMatchesTheModifiedmkReference() {
    // R modifiedmk 1.6, mmkh(c(Nile)) (docs/reference/mmkh.html of patakamuri/modifiedmk):
    // Original Z -4.12806652284, old P.value 0.00003658263, Tau -0.28020202020,
    // old.variance 112728.33333333331 (the Nile has tied values, so this is the tie-corrected one).
    MannKendall mk = MannKendall.of(ReferenceData.NILE, ReferenceData.NILE.length);

    assertThat(mk.s()).isEqualTo(-1387);
    assertThat(mk.variance()).isCloseTo(112728.33333333331, within(1e-6));
    assertThat(mk.z()).isCloseTo(-4.12806652284, within(1e-10));
    assertThat(mk.pValue()).isCloseTo(0.00003658263, Percentage.withPercentage(1e-5));
    assertThat(mk.tau()).isCloseTo(-0.28020202020, within(1e-10));
    assertThat(mk.pIncreasing()).isGreaterThan(0.99);
  }

  @Test
  void theSodiumExampleMatchesEnvStats() {
    // EnvStats kendallTrendTest on EPA (2009) Example 17-7: tau 0.5555556, z 2.146625,
    // p 0.03182313.
    MannKendall mk = MannKendall.of(ReferenceData.SODIUM_PPM, 10);

    assertThat(mk.tau()).isCloseTo(0.5555556, within(1e-7));
    assertThat(mk.z()).isCloseTo(2.146625, within(1e-6));
    assertThat(mk.pValue()).isCloseTo(0.03182313, within(1e-8));
  }

  @Test
  void knightsAlgorithmAgreesWithTheDefinitionOnRandomSeriesWithTies() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + random.nextInt(300);
      double[] y = new double[n];
      int levels = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        y[i] = random.nextInt(levels) + (trial % 3 == 0 ? 0.25 * i : 0);
      }
      long s = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          s += Double.compare(y[j], y[i]);
        }
      }
      assertThat(MannKendall.of(y, n).s()).as("trial %d, n %d", trial, n).isEqualTo(s);
    }
  }

  @Test
  void aVarianceFactorScalesOnlyTheVariance() {
    MannKendall mk = MannKendall.of(ReferenceData.NILE, 100).withVarianceFactor(2.14289832710);

    // mmkh(Nile): Corrected Zc -2.81997919565, new P-value 0.00480267631.
    assertThat(mk.s()).isEqualTo(-1387);
    assertThat(mk.correctedVariance()).isCloseTo(241565.35691662686, within(1e-4));
    assertThat(mk.z()).isCloseTo(-2.81997919565, within(1e-9));
    assertThat(mk.pValue()).isCloseTo(0.00480267631, within(1e-10));
  }
}
