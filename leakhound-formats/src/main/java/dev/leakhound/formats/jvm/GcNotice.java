package dev.leakhound.formats.jvm;

import java.util.Objects;

/**
 * A line of a unified GC log that signals trouble outside the collections' own lines: ZGC's
 * allocation and relocation stalls, Shenandoah's cancelled cycles and failed allocations.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what happened
 * @param gcId the collection it belongs to, or -1 when the line names none
 * @param atSeconds when (see {@link GcLog#timeBase()}), NaN without a time decoration
 * @param durationMillis how long a thread stalled, or NaN when the line gives no duration
 * @param text the message as logged, after the decorations
 * @param line the 1-based line of the input
 */
public record GcNotice(
    Kind kind, long gcId, double atSeconds, double durationMillis, String text, long line) {
  /** The kinds of notice. */
  public enum Kind {
    /** ZGC: an application thread waited for memory: {@code Allocation Stall (main) 12.3ms}. */
    ALLOCATION_STALL,
    /** ZGC: a thread waited for an object to be relocated. */
    RELOCATION_STALL,
    /** Shenandoah: a concurrent cycle was cancelled ({@code Cancelling GC: Allocation Failure}). */
    GC_CANCELLED,
    /** Shenandoah: an allocation failed and waits for a collection ({@code Failed to allocate}). */
    ALLOCATION_FAILURE
  }

  public GcNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
