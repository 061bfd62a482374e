package dev.leakhound.analysis.trend.eval;

/**
 * How one rule did on one series.
 *
 * @param detected the rule alerted at or after the leak start (leak series only)
 * @param falseAlarm the rule alerted on a series without a leak, or before the leak began
 * @param timeToDetectSeconds from the leak start to the first alert after it (null if none)
 * @param firstAlarmSeconds from the series start to the rule's first alert (null if none)
 */
public record RuleOutcome(
    boolean detected, boolean falseAlarm, Double timeToDetectSeconds, Double firstAlarmSeconds) {

  /** The outcome of alerts at {@code alerts} (unix seconds, ascending) on a labelled series. */
  static RuleOutcome of(SeriesLabel label, double seriesStart, java.util.List<Double> alerts) {
    Double first = alerts.isEmpty() ? null : alerts.get(0) - seriesStart;
    if (!label.leak()) {
      return new RuleOutcome(false, !alerts.isEmpty(), null, first);
    }
    boolean early = false;
    Double ttd = null;
    for (double a : alerts) {
      if (a < label.leakStart()) {
        early = true;
      } else if (ttd == null) {
        ttd = a - label.leakStart();
      }
    }
    return new RuleOutcome(ttd != null, early, ttd, first);
  }
}
