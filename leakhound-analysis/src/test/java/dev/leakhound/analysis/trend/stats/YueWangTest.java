package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class YueWangTest {
  @Test
  void theAr1FactorApproachesItsClosedFormForLongSeries() {
    // For n -> infinity, 1 + 2 sum rho^k = (1 + rho) / (1 - rho).
    assertThat(YueWang.ar1Factor(0.9, 1_000_000)).isCloseTo(19, within(1e-3));
    assertThat(YueWang.ar1Factor(-0.3, 100)).isEqualTo(1);
    assertThat(YueWang.ar1Factor(0.5, 2)).isCloseTo(1.5, within(1e-12));
    // n = 4, rho = 0.5: 1 + 2 (3/4 * 0.5 + 2/4 * 0.25 + 1/4 * 0.125) = 2.0625.
    assertThat(YueWang.ar1Factor(0.5, 4)).isCloseTo(2.0625, within(1e-12));
  }
}
