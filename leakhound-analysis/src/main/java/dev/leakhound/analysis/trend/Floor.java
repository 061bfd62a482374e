package dev.leakhound.analysis.trend;

/**
 * The floor of a signal: its level once the garbage collector has run, one point per collection or
 * per window. Package-private model between {@link FloorExtractor} and {@link TrendAnalyzer}.
 *
 * @param times unix seconds, strictly increasing
 * @param values floor values
 * @param method how the floor was taken, in words for the evidence
 * @param windowSeconds the rolling-minimum window (NaN when none)
 * @param gcPeriodSeconds estimated time between collections (NaN when unknown)
 */
record Floor(
    double[] times, double[] values, String method, double windowSeconds, double gcPeriodSeconds) {
  int size() {
    return times.length;
  }
}
