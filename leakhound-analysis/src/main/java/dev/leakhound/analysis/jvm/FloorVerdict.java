package dev.leakhound.analysis.jvm;

import java.util.Objects;

/**
 * The verdict on a heap floor, as {@link HeapFloorJudge} gives it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param verdict {@code leak}, {@code suspect}, {@code no-leak}, {@code insufficient-data} or
 *     {@code unknown} (no judge available)
 * @param slopeBytesPerHour the floor's growth, null when not measured
 * @param timeToLimitSeconds time until the floor reaches the maximum heap, null when unknown
 * @param reason why, in a sentence or two
 */
public record FloorVerdict(
    String verdict, Double slopeBytesPerHour, Double timeToLimitSeconds, String reason) {
  public FloorVerdict {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }

  /** True for {@code leak}. */
  public boolean isLeak() {
    return "leak".equals(verdict);
  }
}
