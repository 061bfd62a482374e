package dev.leakhound.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistogramSchedulerTest {
  private final HistogramScheduler s =
      new HistogramScheduler(Duration.ofMinutes(10), Duration.ofMinutes(1));

  @Test
  void theFirstHistogramIsDueAtOnceAsTheBaseline() {
    assertThat(s.due(0, false)).isTrue();
  }

  @Test
  void laterOnesComeOnTheScheduleOrEarlyWhenSuspectButNeverTooClose() {
    s.taken(0);

    assertThat(s.due(30_000, false)).isFalse();
    assertThat(s.due(30_000, true)).isFalse();
    assertThat(s.due(60_000, true)).isTrue();
    assertThat(s.due(599_999, false)).isFalse();
    assertThat(s.due(600_000, false)).isTrue();
  }

  @Test
  void theBaselineWaitsForTheWarmUpUnlessASignalIsSuspect() {
    s.reset(60_000);

    assertThat(s.due(59_999, false)).isFalse();
    assertThat(s.due(59_999, true)).isTrue();
    assertThat(s.due(60_000, false)).isTrue();
  }

  @Test
  void aRestartMakesTheNextOneABaselineAgain() {
    s.taken(0);
    s.reset();

    assertThat(s.due(1, false)).isTrue();
  }
}
