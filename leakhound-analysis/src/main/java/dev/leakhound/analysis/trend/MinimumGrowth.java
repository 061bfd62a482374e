package dev.leakhound.analysis.trend;

/**
 * The smallest growth worth a verdict of leak for one kind of signal: the larger of a fraction of
 * the starting floor per hour and an absolute amount per hour. Growth below it can be statistically
 * real and still not worth paging anyone.
 *
 * @param relativePerHour fraction of the starting floor per hour (0.01 = 1 %/h)
 * @param absolutePerHour bytes or counts per hour
 */
public record MinimumGrowth(double relativePerHour, double absolutePerHour) {
  public MinimumGrowth {
    if (!(relativePerHour >= 0) || !(absolutePerHour >= 0)) {
      throw new IllegalArgumentException("minimum growth must be 0 or more");
    }
  }

  /** The minimum in units per hour for a floor that starts at {@code startLevel}. */
  public double perHour(double startLevel) {
    return Math.max(absolutePerHour, relativePerHour * Math.max(0, startLevel));
  }
}
