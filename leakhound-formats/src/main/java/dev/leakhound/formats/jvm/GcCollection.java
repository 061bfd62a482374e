package dev.leakhound.formats.jvm;

import java.util.List;
import java.util.Objects;

/**
 * One collection of a unified GC log: everything the log says under one {@code GC(n)} id, which for
 * G1, Parallel and Serial is one young or full pause, for G1's marking cycle the cycle with its
 * Remark and Cleanup pauses, and for ZGC and Shenandoah a concurrent cycle with the pauses inside
 * it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param gcId the {@code GC(n)} number
 * @param line the first line of the input that names this id
 * @param startSeconds when the first line was logged (see {@link GcLog#timeBase()}), NaN without a
 *     time decoration
 * @param endSeconds when the last line was logged
 * @param kind young, mixed, full, degenerated or concurrent
 * @param name {@code Pause Young}, {@code Pause Full}, {@code Concurrent Mark Cycle}, {@code Major
 *     Collection}, {@code Garbage Collection} (ZGC), {@code Concurrent Cycle} (Shenandoah)
 * @param cause what started it ({@code G1 Evacuation Pause}, {@code Allocation Rate}, Shenandoah's
 *     trigger), or null when the log does not say
 * @param heapBeforeBytes heap used before the collection, -1 when the log does not say
 * @param heapAfterBytes heap used after it, -1 when unknown
 * @param heapCommittedBytes heap committed after it, -1 when unknown
 * @param liveBytes the live bytes marking found (ZGC's {@code Live} row at Mark End, summed over
 *     generations for a major collection), -1 when the log does not say: the exact floor
 * @param durationMillis the pause for a stop-the-world collection, the cycle's length for a
 *     concurrent one (from its own line, else from the time decorations); NaN when unknown
 * @param pauses the stop-the-world pauses within, in log order
 * @param failures what went wrong: {@code To-space exhausted}, {@code Evacuation Failure:
 *     Allocation}
 * @param humongousRegionsAfter G1's humongous regions after the collection, -1 when not logged
 */
public record GcCollection(
    long gcId,
    long line,
    double startSeconds,
    double endSeconds,
    GcKind kind,
    String name,
    String cause,
    long heapBeforeBytes,
    long heapAfterBytes,
    long heapCommittedBytes,
    long liveBytes,
    double durationMillis,
    List<GcPause> pauses,
    List<String> failures,
    long humongousRegionsAfter) {
  public GcCollection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    pauses = List.copyOf(pauses);
    failures = List.copyOf(failures);
  }

  /** The total stop-the-world time of this collection's pauses. */
  public double pauseMillis() {
    double sum = 0;
    for (GcPause p : pauses) {
      sum += p.durationMillis();
    }
    return sum;
  }

  /** The floor after this collection: the live bytes when known, else the heap after it. */
  public long floorBytes() {
    return liveBytes >= 0 ? liveBytes : heapAfterBytes;
  }
}
