package dev.leakhound.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.trend.MinimumGrowth;
import dev.leakhound.analysis.trend.SignalKind;
import dev.leakhound.analysis.trend.TrendOptions;
import dev.leakhound.server.config.WatchConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrendJudgeTest {
  private static final TrendOptions DEFAULTS = TrendOptions.defaults();

  @Test
  void anEvaluationSectionWithoutKnobsRunsTheEngineOnItsDefaults() {
    TrendJudge judge =
        TrendJudge.of(
            new WatchConfig.Evaluation(
                Duration.ofMinutes(1),
                Duration.ofHours(6),
                Duration.ofMinutes(30),
                null,
                null,
                null,
                null,
                WatchConfig.MinimumGrowth.DEFAULTS));

    assertThat(judge.options()).isEqualTo(DEFAULTS);
  }

  @Test
  void theDemosKnobsShortenTheWaitsAndRaiseOnlyTheAbsoluteMinimumGrowth() {
    TrendJudge judge =
        TrendJudge.of(
            new WatchConfig.Evaluation(
                Duration.ofSeconds(5),
                Duration.ofHours(6),
                Duration.ofMinutes(30),
                Duration.ofSeconds(40),
                Duration.ofSeconds(30),
                Duration.ofSeconds(45),
                Duration.ofSeconds(20),
                new WatchConfig.MinimumGrowth(64 * 1024 * 1024, 1000, Double.NaN, Double.NaN)));

    TrendOptions o = judge.options();
    assertThat(o.warmUpSeconds()).isEqualTo(40);
    assertThat(o.minimumSpanSeconds()).isEqualTo(30);
    assertThat(o.minimumLeakSeconds()).isEqualTo(45);
    assertThat(o.recentMinimumSeconds()).isEqualTo(20);
    assertThat(o.limitHorizonSeconds()).isEqualTo(DEFAULTS.limitHorizonSeconds());
    assertThat(o.minimumGrowth(SignalKind.HEAP_AFTER_GC))
        .isEqualTo(
            new MinimumGrowth(
                DEFAULTS.minimumGrowth(SignalKind.HEAP_AFTER_GC).relativePerHour(),
                64 * 1024 * 1024));
    assertThat(o.minimumGrowth(SignalKind.GOROUTINES))
        .isEqualTo(
            new MinimumGrowth(
                DEFAULTS.minimumGrowth(SignalKind.GOROUTINES).relativePerHour(), 1000));
    assertThat(o.minimumGrowth(SignalKind.THREADS))
        .isEqualTo(DEFAULTS.minimumGrowth(SignalKind.THREADS));
    assertThat(o.minimumGrowth(SignalKind.INSTANCES))
        .isEqualTo(DEFAULTS.minimumGrowth(SignalKind.INSTANCES));
  }
}
