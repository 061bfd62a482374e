package dev.leakhound.analysis.trend.eval;

import java.util.List;

/**
 * The targets, checked on the whole corpus.
 *
 * @param falseLeakSeries series where the engine said leak without one (must be empty)
 * @param missedFastLeaks leaks of at least 2 % of the starting floor per hour not found within two
 *     hours of their start (must be empty)
 * @param medianRatio the threshold rule's median time to detect over the engine's (misses count as
 *     infinitely late; null means infinite: the rule missed more than half); must be at least 3
 * @param pairedMedianRatio the same ratio over the leak series both detected
 * @param met whether every target is met
 */
public record EvaluationTargets(
    List<String> falseLeakSeries,
    List<String> missedFastLeaks,
    Double medianRatio,
    Double pairedMedianRatio,
    boolean met) {
  /** The fast-leak threshold: 2 % of the starting floor per hour. */
  public static final double FAST_LEAK = 0.02;

  /** Fast leaks must be found within this long. */
  public static final double FAST_DETECTION_SECONDS = 7200;

  /** The median time to detect must be at least this many times shorter than the threshold's. */
  public static final double MEDIAN_FACTOR = 3;

  public EvaluationTargets {
    falseLeakSeries = List.copyOf(falseLeakSeries);
    missedFastLeaks = List.copyOf(missedFastLeaks);
  }
}
