package dev.leakhound.analysis.trend;

/**
 * The statistics of one window of the floor: Mann-Kendall with the Hamed-Rao autocorrelation
 * correction, and the Theil-Sen slope with Sen's interval on the corrected variance. Slopes are in
 * signal units per hour.
 *
 * @param points points tested
 * @param windowSeconds time the points span
 * @param s the Mann-Kendall statistic
 * @param varianceS Var(S) with the tie correction
 * @param varianceFactor the Hamed-Rao factor n/n* applied (at least 1)
 * @param z the standardized statistic on the corrected variance
 * @param pValue one-sided p-value against growth
 * @param tau Kendall's tau
 * @param slopePerHour Theil-Sen slope
 * @param slopeLowPerHour lower confidence limit
 * @param slopeHighPerHour upper confidence limit
 */
public record TrendTest(
    int points,
    double windowSeconds,
    long s,
    double varianceS,
    double varianceFactor,
    double z,
    double pValue,
    double tau,
    double slopePerHour,
    double slopeLowPerHour,
    double slopeHighPerHour) {

  /** True when the window grows at level alpha: p below it and the interval above zero. */
  public boolean grows(double alpha) {
    return pValue < alpha && slopeLowPerHour > 0;
  }
}
