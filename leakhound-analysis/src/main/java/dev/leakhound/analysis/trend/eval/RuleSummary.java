package dev.leakhound.analysis.trend.eval;

/**
 * One rule over the whole corpus.
 *
 * @param rule its name
 * @param leakSeries series labelled leak
 * @param detected leak series it detected
 * @param falseAlarmSeries series where it alerted without a leak (or before the leak began)
 * @param precision detected / (detected + falseAlarmSeries)
 * @param recall detected / leakSeries
 * @param medianTimeToDetectSeconds median over all leak series, a miss counting as infinitely late
 *     (null when more than half are missed)
 * @param medianDetectedSeconds median over the leak series it detected
 */
public record RuleSummary(
    String rule,
    int leakSeries,
    int detected,
    int falseAlarmSeries,
    double precision,
    double recall,
    Double medianTimeToDetectSeconds,
    Double medianDetectedSeconds) {}
