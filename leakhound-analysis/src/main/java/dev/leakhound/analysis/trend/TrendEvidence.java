package dev.leakhound.analysis.trend;

import java.util.List;

/**
 * What a {@link Verdict} rests on, for the dashboard and for anyone who doubts it: which part of
 * the series was judged and why, how the floor was found, the test statistics, and what the guards
 * concluded. Times are unix seconds.
 *
 * @param samples samples in the input (missing ones included)
 * @param restarts restarts seen (process start changes, counters going back)
 * @param segmentStart start of the judged part of the series
 * @param segmentEnd end of the judged part (the last sample)
 * @param segmentCause why the judged part starts where it does: "series start", "restart", "drop in
 *     the floor", "growth began", ...
 * @param warmUpSkippedSeconds warm-up skipped after the process start
 * @param changePoints regime changes found in the floor of the current process lifetime
 * @param floorMethod how the floor was taken: "after-gc values", "per-gc-cycle minimum", "rolling
 *     minimum"
 * @param floorWindowSeconds the rolling-minimum window, when one was used
 * @param gcPeriodSeconds the estimated time between collections, when known
 * @param floorPoints floor points in the judged part
 * @param statisticPoints points the statistics ran on (block medians when the floor is long)
 * @param startLevel the floor at the start of the judged part (Theil-Sen line)
 * @param currentLevel the floor now (Theil-Sen line at the last point)
 * @param trend the trend test on the judged floor
 * @param relativeGrowthPerHour slope over start level, per hour
 * @param minimumGrowthPerHour the practical minimum that applied, in units per hour
 * @param plateau the plateau guard's outcome
 * @param load the load guard's outcome
 */
public record TrendEvidence(
    int samples,
    int restarts,
    Double segmentStart,
    Double segmentEnd,
    String segmentCause,
    double warmUpSkippedSeconds,
    List<Double> changePoints,
    String floorMethod,
    Double floorWindowSeconds,
    Double gcPeriodSeconds,
    int floorPoints,
    int statisticPoints,
    Double startLevel,
    Double currentLevel,
    TrendTest trend,
    Double relativeGrowthPerHour,
    Double minimumGrowthPerHour,
    PlateauCheck plateau,
    LoadCheck load) {

  public TrendEvidence {
    changePoints = List.copyOf(changePoints);
  }
}
