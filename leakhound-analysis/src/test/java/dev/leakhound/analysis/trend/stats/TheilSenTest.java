package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TheilSenTest {
  @Test
  void theSodiumExampleMatchesEnvStats() {
    // EnvStats kendallTrendTest(Sodium.ppm ~ Year, EPA.09.Ex.17.7.sodium.df): slope 1.3333333,
    // intercept (Conover) -65.9666667, 95% CI by Gilbert's modification of Theil/Sen,
    // LCL 0.3992083, UCL 2.3333333 (USEPA 2009, Unified Guidance, Example 17-7).
    MannKendall mk = MannKendall.of(ReferenceData.SODIUM_PPM, 10);
    TheilSen ts =
        TheilSen.fit(
            ReferenceData.SODIUM_YEAR, ReferenceData.SODIUM_PPM, 10, mk.variance(), 0.95, 1);

    assertThat(ts.slope()).isCloseTo(1.3333333, within(1e-6));
    assertThat(ts.intercept()).isCloseTo(-65.9666667, within(1e-6));
    assertThat(ts.lower()).isCloseTo(0.3992083, within(1e-6));
    assertThat(ts.upper()).isCloseTo(2.3333333, within(1e-6));
    assertThat(ts.pairs()).isEqualTo(45);
  }

  @Test
  void theNileSlopeMatchesModifiedmk() {
    // mmkh(c(Nile)): Sen's slope -2.6 per year.
    MannKendall mk = MannKendall.of(ReferenceData.NILE, 100);
    TheilSen ts =
        TheilSen.fit(ReferenceData.index(100), ReferenceData.NILE, 100, mk.variance(), 0.95, 1);

    assertThat(ts.slope()).isCloseTo(-2.6, within(1e-12));
    assertThat(ts.lower()).isLessThan(ts.slope());
    assertThat(ts.upper()).isGreaterThan(ts.slope()).isLessThan(0);
  }

  @Test
  void aWiderVarianceGivesAWiderInterval() {
    MannKendall mk = MannKendall.of(ReferenceData.NILE, 100);
    double[] x = ReferenceData.index(100);
    TheilSen plain = TheilSen.fit(x, ReferenceData.NILE, 100, mk.variance(), 0.95, 1);
    TheilSen corrected =
        TheilSen.fit(x, ReferenceData.NILE, 100, mk.variance() * 2.14289832710, 0.95, 1);

    assertThat(corrected.lower()).isLessThan(plain.lower());
    assertThat(corrected.upper()).isGreaterThan(plain.upper());
  }
}
