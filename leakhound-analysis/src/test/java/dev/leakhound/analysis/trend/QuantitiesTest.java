package dev.leakhound.analysis.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
  @Test
  void amountsUseBinaryUnitsAndCountsStayCounts() {
    assertThat(Quantities.amount(512, SignalKind.Unit.BYTES)).isEqualTo("512 B");
    assertThat(Quantities.amount(12.3 * 1024 * 1024, SignalKind.Unit.BYTES)).isEqualTo("12.3 MiB");
    assertThat(Quantities.amount(1.5 * (1 << 30), SignalKind.Unit.BYTES)).isEqualTo("1.50 GiB");
    assertThat(Quantities.perHour(-3 * 1024, SignalKind.Unit.BYTES)).isEqualTo("-3.00 KiB/h");
    assertThat(Quantities.perHour(4.25, SignalKind.Unit.COUNT)).isEqualTo("4.25/h");
    assertThat(Quantities.amount(12_345, SignalKind.Unit.COUNT)).isEqualTo("12,345");
  }

  @Test
  void durationsReadLikeAClock() {
    assertThat(Quantities.duration(42)).isEqualTo("42s");
    assertThat(Quantities.duration(150)).isEqualTo("2m 30s");
    assertThat(Quantities.duration(3600 * 9 + 720)).isEqualTo("9h 12m");
    assertThat(Quantities.duration(86400 * 2 + 3600 * 4)).isEqualTo("2d 4h");
  }

  @Test
  void sizesAndDurationsParseWithUnits() {
    assertThat(Quantities.parseBytes("536870912")).isEqualTo(536870912);
    assertThat(Quantities.parseBytes("512MiB")).isEqualTo(512.0 * 1024 * 1024);
    assertThat(Quantities.parseBytes("2GB")).isEqualTo(2e9);
    assertThat(Quantities.parseBytes("1.5g")).isEqualTo(1.5 * (1 << 30));
    assertThat(Quantities.parseDuration("300")).isEqualTo(300);
    assertThat(Quantities.parseDuration("5m")).isEqualTo(300);
    assertThat(Quantities.parseDuration("1.5h")).isEqualTo(5400);
    assertThatThrownBy(() -> Quantities.parseBytes("12 parsecs"))
        .hasMessage(
            "unknown size unit \"parsecs\" in \"12 parsecs\" (use B, KiB, MiB, GiB, KB, MB or GB)");
    assertThatThrownBy(() -> Quantities.parseDuration("soon"))
        .hasMessage("expected a duration such as 300, 90s, 5m or 1h, found \"soon\"");
  }
}
