package dev.leakhound.analysis.trend.eval;

/**
 * One row of the evaluation: a corpus series and how the engine and the baseline rules did on it.
 *
 * @param name the series
 * @param leak its label
 * @param relativeRatePerHour the leak rate over the starting floor (null for no leak)
 * @param durationSeconds the series' length
 * @param evaluations how many times the engine was asked (incrementally, as a watcher would)
 * @param leakhound the engine's leak verdicts
 * @param suspect the engine's first suspect-or-leak verdicts (an early warning)
 * @param threshold the static threshold rule
 * @param predictLinear the predict_linear rule
 * @param finalVerdict the engine's verdict on the whole series
 * @param finalReason its reason
 */
public record SeriesResult(
    String name,
    boolean leak,
    Double relativeRatePerHour,
    double durationSeconds,
    int evaluations,
    RuleOutcome leakhound,
    RuleOutcome suspect,
    RuleOutcome threshold,
    RuleOutcome predictLinear,
    String finalVerdict,
    String finalReason) {}
