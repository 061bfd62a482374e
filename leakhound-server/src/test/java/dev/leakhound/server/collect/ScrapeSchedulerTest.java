package dev.leakhound.server.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The back-off of a failing target, as the scheduler plans it. */
class ScrapeSchedulerTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void aFailingTargetIsTriedAfterTwoFourEightIntervalsUpToFiveMinutes() {
    assertThat(ScrapeScheduler.stepNanos(15 * SECOND, 0)).isEqualTo(15 * SECOND);
    assertThat(ScrapeScheduler.stepNanos(15 * SECOND, 1)).isEqualTo(30 * SECOND);
    assertThat(ScrapeScheduler.stepNanos(15 * SECOND, 2)).isEqualTo(60 * SECOND);
    assertThat(ScrapeScheduler.stepNanos(15 * SECOND, 3)).isEqualTo(120 * SECOND);
    assertThat(ScrapeScheduler.stepNanos(15 * SECOND, 5)).isEqualTo(300 * SECOND);
    assertThat(ScrapeScheduler.stepNanos(15 * SECOND, 1_000)).isEqualTo(300 * SECOND);
  }

  @Test
  void anIntervalLongerThanTheCapIsNeverShortenedByTheBackOff() {
    assertThat(ScrapeScheduler.stepNanos(600 * SECOND, 0)).isEqualTo(600 * SECOND);
    assertThat(ScrapeScheduler.stepNanos(600 * SECOND, 4)).isEqualTo(600 * SECOND);
  }
}
