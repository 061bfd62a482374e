package dev.leakhound.formats.jvm;

import java.util.List;
import java.util.Objects;

/**
 * One stop-the-world pause, as a unified GC log prints it: {@code GC(3) Pause Young (Normal) (G1
 * Evacuation Pause) 24M->4M(256M) 3.456ms}, {@code GC(5) Pause Remark 51M->51M(93M) 0.912ms},
 * {@code GC(0) y: Pause Mark Start 0.014ms}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the pause's name: {@code Pause Young}, {@code Pause Full}, {@code Pause Mark Start}
 * @param type the name with G1's young-collection kind ({@code Pause Young (Mixed)}): what pause
 *     statistics group by
 * @param groups the parenthesised words after the name, in order ({@code Normal}, {@code G1
 *     Evacuation Pause}, {@code unload classes})
 * @param cause the cause among the groups ({@code G1 Evacuation Pause}, {@code Allocation Failure},
 *     {@code System.gc()}), or null when the line names none
 * @param durationMillis how long the application stood still
 * @param atSeconds when the line was logged, in seconds (see {@link GcLog#timeBase()}); NaN when
 *     the log has no time decoration
 * @param line the 1-based line of the input
 * @param heapBeforeBytes heap used before, -1 when the line prints no heap change
 * @param heapAfterBytes heap used after, -1 when unknown
 * @param heapCommittedBytes heap committed after, -1 when unknown
 */
public record GcPause(
    String name,
    String type,
    List<String> groups,
    String cause,
    double durationMillis,
    double atSeconds,
    long line,
    long heapBeforeBytes,
    long heapAfterBytes,
    long heapCommittedBytes) {
  public GcPause {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    groups = List.copyOf(groups);
    if (!(durationMillis >= 0)) {
      throw new IllegalArgumentException("pause duration must be >= 0: " + durationMillis);
    }
  }
}
