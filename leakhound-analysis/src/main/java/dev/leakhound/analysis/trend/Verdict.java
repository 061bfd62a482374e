package dev.leakhound.analysis.trend;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The verdict on one memory signal: what the watch service alerts on and the dashboard shows. The
 * record's components, in order, are the documented JSON shape of {@code leakhound trend --format
 * json} (README).
 *
 * @param verdict leak, suspect, no-leak or insufficient-data
 * @param confidence 0..1: for leak and suspect, one minus the corrected Mann-Kendall p-value; for
 *     no-leak, how sure the growth is below the practical minimum; 0 for insufficient-data
 * @param slopePerHour Theil-Sen growth of the floor, signal units per hour (null without data)
 * @param slopeLow lower limit of the slope's confidence interval, per hour
 * @param slopeHigh upper limit, per hour
 * @param timeToLimitSeconds time until the floor reaches the limit at the estimated slope (null
 *     without a limit, or when the verdict is no-leak)
 * @param timeToLimitLowSeconds the same at the interval's upper slope (the soonest)
 * @param timeToLimitHighSeconds the same at the interval's lower slope (null when that slope is not
 *     positive: the limit may never be reached)
 * @param reason one or two plain sentences saying why
 * @param signal the kind of signal judged
 * @param unit "bytes" or "count"
 * @param limit the limit used, or null
 * @param evidence what the verdict rests on
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verdict(
    VerdictKind verdict,
    double confidence,
    Double slopePerHour,
    Double slopeLow,
    Double slopeHigh,
    Double timeToLimitSeconds,
    Double timeToLimitLowSeconds,
    Double timeToLimitHighSeconds,
    String reason,
    SignalKind signal,
    String unit,
    Double limit,
    TrendEvidence evidence) {

  public Verdict {
    if (verdict == null || reason == null || signal == null || evidence == null) {
      throw new IllegalArgumentException("verdict, reason, signal and evidence are required");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }

  /** True for {@link VerdictKind#LEAK}. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isLeak() {
    return verdict == VerdictKind.LEAK;
  }
}
