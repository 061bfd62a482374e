package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class NormalTest {
  @Test
  void theCdfMatchesTabulatedValues() {
    // Abramowitz and Stegun, Handbook of Mathematical Functions, table 26.1.
    assertThat(Normal.cdf(0)).isEqualTo(0.5);
    assertThat(Normal.cdf(1)).isCloseTo(0.8413447460685429, within(1e-15));
    assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
    assertThat(Normal.cdf(-3)).isCloseTo(0.001349898031630094, within(1e-15));
  }

  @Test
  void farTailsKeepTheirRelativeAccuracy() {
    // P(Z > 6) = 9.865876450377e-10 and P(Z > 10) = 7.619853024160e-24 (R: pnorm(-6), pnorm(-10)).
    assertThat(Normal.upperTail(6))
        .isCloseTo(9.865876450376946e-10, Percentage.withPercentage(1e-9));
    assertThat(Normal.upperTail(10))
        .isCloseTo(7.619853024160527e-24, Percentage.withPercentage(1e-9));
    assertThat(Normal.cdf(-10)).isCloseTo(7.619853024160527e-24, Percentage.withPercentage(1e-9));
  }

  @Test
  void theQuantileInvertsTheCdf() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
    assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
    assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
    for (double p = 0.0005; p < 1; p += 0.0173) {
      assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-14));
    }
  }

  @Test
  void theTwoSidedPValueMatchesTheNileReference() {
    // modifiedmk::mmkh(Nile): "Original Z" -4.12806652284 has "old P.value" 0.00003658263.
    assertThat(Normal.twoSided(-4.12806652284))
        .isCloseTo(0.00003658263, Percentage.withPercentage(1e-5));
  }
}
