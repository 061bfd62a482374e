package dev.leakhound.analysis.gctrace;

/**
 * The seam between the gctrace analysis and the trend engine: judges a live-heap series. {@link
 * TrendEngineJudge} is the verdict engine ({@code dev.leakhound.analysis.trend}) behind it, what
 * the CLI uses; {@link #NOT_JUDGED} reports the series without a verdict, for tests of the rest of
 * the analysis, so no second trend statistic grows here.
 *
 * <p>Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface LiveHeapTrendJudge {
  /**
   * Judges the series.
   *
   * @param seconds time of each point since program start, non-decreasing
   * @param liveBytes live heap after each GC, in bytes
   * @param limitBytes GOMEMLIMIT in bytes, or NaN when unknown
   * @param figures the descriptive figures to carry into the result
   */
  LiveHeapTrend judge(double[] seconds, double[] liveBytes, double limitBytes, Figures figures);

  /** Descriptive figures of a series (MiB), computed by the analysis. */
  record Figures(int points, long firstMB, long lastMB, long minMB, long maxMB) {}

  /** Reports the figures with the verdict {@code not-judged}. */
  LiveHeapTrendJudge NOT_JUDGED =
      (seconds, liveBytes, limitBytes, f) ->
          new LiveHeapTrend(
              "not-judged",
              null,
              null,
              null,
              null,
              null,
              "no trend engine is available to this build; the figures are descriptive only",
              "none",
              f.points(),
              f.firstMB(),
              f.lastMB(),
              f.minMB(),
              f.maxMB());
}
