package dev.leakhound.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.store.ProfileRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramComparisonTest {
  private static ProfileRecord at(long seconds) {
    return new ProfileRecord(
        seconds, "t", "class-histogram", seconds * 1000, "baseline", "jvm:1@0", 0, "");
  }

  private static List<Long> times(List<ProfileRecord> rs) {
    List<Long> out = new ArrayList<>();
    for (ProfileRecord r : rs) {
      out.add(r.t() / 1000);
    }
    return out;
  }

  @Test
  void theLifetimesFirstHistogramFarBeforeTheLatestIsLeftOut() {
    List<ProfileRecord> kept = List.of(at(0), at(1800), at(2400), at(3000));

    assertThat(times(HistogramComparison.evenlySpaced(kept, at(3600))))
        .containsExactly(1800L, 2400L, 3000L, 3600L);
  }

  @Test
  void aCaptureSoonAfterTheLastBaselineTakesItsPlace() {
    List<ProfileRecord> kept = List.of(at(600), at(1200), at(1800));

    assertThat(times(HistogramComparison.evenlySpaced(kept, at(1900))))
        .containsExactly(600L, 1200L, 1900L);
  }

  @Test
  void evenlySpacedHistogramsAreAllKept() {
    List<ProfileRecord> kept = List.of(at(0), at(8), at(16));

    assertThat(times(HistogramComparison.evenlySpaced(kept, at(22))))
        .containsExactly(0L, 8L, 16L, 22L);
    assertThat(times(HistogramComparison.evenlySpaced(List.of(at(0)), at(100))))
        .containsExactly(0L, 100L);
  }
}
