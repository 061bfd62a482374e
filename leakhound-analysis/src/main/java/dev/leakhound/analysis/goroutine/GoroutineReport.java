package dev.leakhound.analysis.goroutine;

import java.util.List;
import java.util.Objects;

/**
 * What {@code leakhound goroutines} reports: the goroutines of the last dump grouped by stack and
 * state, largest group first, with the groups that look like leaks marked as suspects. The record
 * is the JSON shape (README documents it).
 *
 * @param total goroutines in the last dump
 * @param suspects how many groups are suspects
 * @param dumps the inputs, oldest first
 * @param groups the groups of the last dump, by count descending
 */
public record GoroutineReport(
    long total, int suspects, List<DumpSummary> dumps, List<GoroutineGroup> groups) {
  public GoroutineReport {
    dumps = List.copyOf(dumps);
    groups = List.copyOf(groups);
    if (total < 0 || suspects < 0) {
      throw new IllegalArgumentException("negative total or suspect count");
    }
    Objects.requireNonNull(dumps);
  }

  /** True when at least one group is a leak suspect. */
  public boolean hasSuspects() {
    return suspects > 0;
  }

  /**
   * One input file.
   *
   * @param source the file name
   * @param kind {@code debug=2}, {@code debug=1}, {@code goroutineleak debug=1}
   * @param total goroutines in it
   * @param truncated true when the file was cut inside a goroutine
   * @param role {@code snapshot} (a point in time) or {@code leak-listing} (a goroutineleak profile
   *     given next to snapshots: it marks groups, it is not a point in time)
   */
  public record DumpSummary(
      String source, String kind, long total, boolean truncated, String role) {}
}
