package dev.leakhound.server.report;

/**
 * The verdict engine's judgement of one signal of one target, with its evidence: what the dashboard
 * draws as the fitted growth line and its band, and what alerts quote.
 *
 * <p>Immutable. The component order is the JSON shape.
 *
 * @param signal the signal id, e.g. {@code heap_floor_bytes}
 * @param verdict {@code leak}, {@code suspect}, {@code no-leak} or {@code insufficient-data}
 * @param growthPerHour the fitted slope (Theil-Sen), in the signal's unit per hour
 * @param growthPerHourLow the low end of the slope's confidence interval
 * @param growthPerHourHigh the high end
 * @param confidence how sure the engine is (0..1), e.g. 1 - p of the trend test
 * @param timeToLimitSeconds seconds until the limit at the fitted slope, or null
 * @param limit the limit used, or null when none is known
 * @param points how many samples were judged
 * @param fromMillis the first sample judged
 * @param toMillis the last sample judged
 * @param evaluatedAt when the judgement was made (ISO-8601)
 * @param evidence one sentence saying why
 */
public record SignalVerdict(
    String signal,
    String verdict,
    double growthPerHour,
    double growthPerHourLow,
    double growthPerHourHigh,
    double confidence,
    Double timeToLimitSeconds,
    Double limit,
    int points,
    long fromMillis,
    long toMillis,
    String evaluatedAt,
    String evidence) {
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
