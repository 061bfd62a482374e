package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers formatted as pprof formats them (values taken from real go tool pprof output). */
class MeasurementTest {
  @Test
  void valuesScaleToTheRequestedUnitWithTwoDecimalsTrimmed() {
    assertThat(Measurement.scaledLabel(11018649, "bytes", "kB")).isEqualTo("10760.40kB");
    assertThat(Measurement.scaledLabel(30379040, "bytes", "MB")).isEqualTo("28.97MB");
    assertThat(Measurement.scaledLabel(4096, "bytes", "kB")).isEqualTo("4kB");
    assertThat(Measurement.scaledLabel(0, "bytes", "MB")).isEqualTo("0");
    assertThat(Measurement.scaledLabel(-4676014, "bytes", "MB")).isEqualTo("-4.46MB");
    assertThat(Measurement.scaledLabel(1500, "count", "count")).isEqualTo("1500");
    assertThat(Measurement.scaledLabel(1_500_000_000L, "nanoseconds", "auto")).isEqualTo("1.50s");
    assertThat(Measurement.scaledLabel(30_000_000_000L, "nanoseconds", "auto")).isEqualTo("30s");
    assertThat(Measurement.scaledLabel(2_500_000, "nanoseconds", "ms")).isEqualTo("2.50ms");
  }

  @Test
  void roundingIsHalfToEvenOnTheExactBinaryValueAsGo() {
    assertThat(Measurement.fixed2(0.125)).isEqualTo("0.12");
    assertThat(Measurement.fixed2(0.375)).isEqualTo("0.38");
    assertThat(Measurement.fixed2(1.005)).isEqualTo("1.00");
  }

  @Test
  void percentagesUseGoFixedAndGeneralFormats() {
    assertThat(Measurement.percentage(5893, 10763)).isEqualTo("54.75%");
    assertThat(Measurement.percentage(1, 1)).isEqualTo("  100%");
    assertThat(Measurement.percentage(4096, 11021647)).isEqualTo("0.037%");
    assertThat(Measurement.percentage(4096, 41390336)).isEqualTo("0.0099%");
    assertThat(Measurement.percentage(0, 10)).isEqualTo("    0%");
    assertThat(Measurement.percentage(1, 10_000_000)).isEqualTo("1e-05%");
    assertThat(Measurement.percentage(30379040, 11021647)).isEqualTo("275.63%");
    assertThat(Measurement.percentage(5, 10)).isEqualTo("50.00%");
    assertThat(Measurement.percentage(5, 1000)).isEqualTo("  0.5%");
  }

  @Test
  void minimumPicksTheLargestUnitTheValueReaches() {
    assertThat(Measurement.scale(53_820, "bytes", "minimum").unit()).isEqualTo("kB");
    assertThat(Measurement.scale(0, "bytes", "minimum").unit()).isEqualTo("B");
    assertThat(Measurement.scale(12, "count", "minimum").unit()).isEmpty();
  }
}
