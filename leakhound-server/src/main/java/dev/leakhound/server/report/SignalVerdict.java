package dev.leakhound.server.report;

/**
 * The verdict engine's judgement of one signal of one target, with its evidence: what the dashboard
 * draws as the fitted growth line and its band, and what alerts quote.
 *
 * <p>Immutable. The component order is the JSON shape.
 *
 * @param signal the signal id, e.g. {@code heap_floor_bytes}
 * @param verdict {@code leak}, {@code suspect}, {@code no-leak} or {@code insufficient-data}
 * @param growthPerHour the fitted slope (Theil-Sen) of the floor, in the signal's unit per hour;
 *     null without data
 * @param growthPerHourLow the low end of the slope's confidence interval
 * @param growthPerHourHigh the high end
 * @param confidence how sure the engine is (0..1): for leak and suspect one minus the corrected
 *     Mann-Kendall p-value
 * @param timeToLimitSeconds seconds until the limit at the fitted slope, or null
 * @param limit the limit used, or null when none is known
 * @param points floor points judged
 * @param fromMillis start of the judged segment (ms), 0 when none
 * @param toMillis end of the judged segment (ms), 0 when none
 * @param evaluatedAt when the judgement was made (ISO-8601)
 * @param evidence one or two sentences saying why
 * @param startLevel the fitted floor at {@code fromMillis} (for drawing the growth line), or null
 * @param currentLevel the fitted floor at {@code toMillis}, or null
 * @param segmentCause why the judged segment starts where it does ("restart", "growth began"...)
 * @param plateau the plateau guard's outcome ("still-growing", "levelled-off", ...)
 * @param load the load guard's outcome
 */
public record SignalVerdict(
    String signal,
    String verdict,
    Double growthPerHour,
    Double growthPerHourLow,
    Double growthPerHourHigh,
    double confidence,
    Double timeToLimitSeconds,
    Double limit,
    int points,
    long fromMillis,
    long toMillis,
    String evaluatedAt,
    String evidence,
    Double startLevel,
    Double currentLevel,
    String segmentCause,
    String plateau,
    String load) {
  public static final String LEAK = "leak";
  public static final String SUSPECT = "suspect";
  public static final String NO_LEAK = "no-leak";
  public static final String INSUFFICIENT_DATA = "insufficient-data";

  /** True for leak and suspect. */
  public boolean growing() {
    return verdict.equals(LEAK) || verdict.equals(SUSPECT);
  }

  /** Severity order: insufficient-data 0, no-leak 1, suspect 2, leak 3. */
  public static int rank(String verdict) {
    return switch (verdict) {
      case LEAK -> 3;
      case SUSPECT -> 2;
      case NO_LEAK -> 1;
      default -> 0;
    };
  }
}
