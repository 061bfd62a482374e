package dev.leakhound.analysis.gctrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.gctrace.GcTrace;
import dev.leakhound.formats.gctrace.GcTraceReader;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** gctrace's live heap judged by the verdict engine through the {@link TrendEngineJudge}. */
class TrendEngineJudgeTest {
  private static final GcTraceAnalyzer ANALYZER = new GcTraceAnalyzer(new TrendEngineJudge());

  /** Two hours of cycles 30 s apart; live heap per cycle as given (repeated). */
  private static GcTrace twoHours(long... live) throws IOException {
    return GcAdvisorTest.trace(240, 30, 1, 0.1, 2, live, new long[] {400}, false);
  }

  @Test
  void aLiveHeapGrowingHalfAMegabytePerCycleIsALeakWithItsSlopeAndTimeToTheLimit()
      throws IOException {
    long[] growing = new long[240];
    for (int i = 0; i < growing.length; i++) {
      growing[i] = 10 + i / 2;
    }

    GcReport r = ANALYZER.analyze(twoHours(growing), new GcSettings(512L << 20, null));

    LiveHeapTrend trend = r.liveHeapTrend();
    assertThat(trend.verdict()).isEqualTo("leak");
    assertThat(trend.engine()).isEqualTo("dev.leakhound.analysis.trend");
    // 0.5 MiB per 30 s cycle is 60 MiB/h; from 129 MiB, 512 MiB is (512 - 129) / 60 h away.
    assertThat(trend.slopeMBPerHour()).isBetween(59.0, 61.0);
    assertThat(trend.hoursToLimit()).isBetween(6.0, 6.6);
    assertThat(trend.reason()).startsWith("Leaking:");
    assertThat(r.advice().get(0).id()).isEqualTo("find-the-leak");
  }

  @Test
  void aLiveHeapThatOnlyWobblesIsNoLeak() throws IOException {
    GcReport r = ANALYZER.analyze(twoHours(40, 41, 40, 42), GcSettings.UNKNOWN);

    assertThat(r.liveHeapTrend().verdict()).isEqualTo("no-leak");
    assertThat(r.liveHeapTrend().hoursToLimit()).isNull();
    assertThat(r.advice()).extracting(GcAdvice::id).doesNotContain("find-the-leak");
  }

  @Test
  void theLabsTraceOfAFewSecondsIsTooShortToJudge() throws IOException {
    GcTrace trace =
        new GcTraceReader().read(RepoRoot.resolve("testdata/gctrace/leak.service.log").toString());

    LiveHeapTrend trend = ANALYZER.analyze(trace, GcSettings.UNKNOWN).liveHeapTrend();

    assertThat(trend.verdict()).isEqualTo("insufficient-data");
    assertThat(trend.points()).isEqualTo(trace.cycles().size());
    assertThat(trend.slopeMBPerHour()).isNull();
  }

  @Test
  void cyclesPrintedWithTheSameMillisecondDoNotUpsetTheEngine() {
    double[] seconds = {0.001, 0.001, 0.002, 0.002, 0.002};
    double[] bytes = {1e6, 2e6, 3e6, 4e6, 5e6};

    LiveHeapTrend trend =
        new TrendEngineJudge()
            .judge(seconds, bytes, Double.NaN, new LiveHeapTrendJudge.Figures(5, 1, 5, 1, 5));

    assertThat(trend.verdict()).isEqualTo("insufficient-data");
    assertThat(trend.points()).isEqualTo(5);
  }
}
