package dev.leakhound.analysis.jvm;

import java.util.Objects;

/**
 * One piece of tuning advice from a GC log: what the log shows, with its figures, and what to
 * change.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a stable name for scripts: {@code full-gc}, {@code evacuation-failure}, {@code
 *     humongous-allocation}, {@code heap-near-max}, {@code allocation-stall}, {@code degenerated},
 *     {@code explicit-gc}, {@code metaspace}, {@code long-pauses}, {@code gc-overhead}, {@code
 *     floor-growth}
 * @param severity {@code warning} (costs latency or risks an OutOfMemoryError) or {@code info}
 * @param finding what the log shows, with figures
 * @param action what to change
 */
public record GcAdvice(String id, String severity, String finding, String action) {
  public GcAdvice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(action, "action");
  }
}
