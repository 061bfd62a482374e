package dev.leakhound.analysis.gctrace;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The trend of the live heap after each GC (the memory floor), as the trend engine judges it, with
 * plain descriptive figures beside it. The record is the JSON shape of {@code liveHeapTrend}.
 *
 * @param verdict {@code leak}, {@code suspect}, {@code no-leak}, {@code insufficient-data}, or
 *     {@code not-judged} when no trend engine is available
 * @param confidence 0..1 as the engine reports it, or null
 * @param slopeMBPerHour growth of the floor in MiB per hour, or null
 * @param slopeLowMBPerHour lower limit of its confidence interval, or null
 * @param slopeHighMBPerHour upper limit, or null
 * @param hoursToLimit time until the floor reaches GOMEMLIMIT at that slope, or null
 * @param reason one or two sentences saying why
 * @param engine which code judged: the trend engine's package, or {@code none}
 * @param points GC cycles the series holds
 * @param firstMB live heap after the first cycle
 * @param lastMB live heap after the last cycle
 * @param minMB smallest live heap
 * @param maxMB largest live heap
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LiveHeapTrend(
    String verdict,
    Double confidence,
    Double slopeMBPerHour,
    Double slopeLowMBPerHour,
    Double slopeHighMBPerHour,
    Double hoursToLimit,
    String reason,
    String engine,
    int points,
    long firstMB,
    long lastMB,
    long minMB,
    long maxMB) {
  /** True when the engine says the floor grows (leak or suspect). */
  public boolean grows() {
    return verdict.equals("leak") || verdict.equals("suspect");
  }
}
