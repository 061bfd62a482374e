package dev.leakhound.analysis.trend.eval;

/**
 * The ground truth of one corpus series, from its {@code label.properties}.
 *
 * @param leak whether the series leaks (and should page someone)
 * @param leakStart unix seconds when the leak begins (null for no leak)
 * @param ratePerHour the leak's rate in signal units per hour (null for no leak)
 * @param relativeRatePerHour the rate over the starting floor (0.02 = 2 %/h)
 * @param column the signal column judged
 * @param loadColumn the request counter column, or null
 * @param limit the memory limit, or null
 * @param kind the signal kind's id, or null to guess it from the column
 * @param source how the series was made (generator or capture command)
 */
public record SeriesLabel(
    boolean leak,
    Double leakStart,
    Double ratePerHour,
    Double relativeRatePerHour,
    String column,
    String loadColumn,
    Double limit,
    String kind,
    String source) {
  public SeriesLabel {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("a label needs the column to judge");
    }
    if (leak && leakStart == null) {
      throw new IllegalArgumentException("a leak label needs leak_start");
    }
  }
}
