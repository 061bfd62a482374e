package dev.leakhound.analysis.trend.eval;

import java.util.List;

/**
 * The result of evaluating the verdict engine and the baseline rules on a labelled corpus: one row
 * per series, one summary per rule, and the targets. Its components are the JSON shape of {@code
 * leakhound trend --evaluate DIR --format json}.
 *
 * @param series per-series outcomes
 * @param rules per-rule summaries: leakhound, leakhound-suspect, threshold-5m, predict-linear-30m
 * @param targets the targets
 */
public record EvaluationReport(
    List<SeriesResult> series, List<RuleSummary> rules, EvaluationTargets targets) {
  public EvaluationReport {
    series = List.copyOf(series);
    rules = List.copyOf(rules);
  }
}
