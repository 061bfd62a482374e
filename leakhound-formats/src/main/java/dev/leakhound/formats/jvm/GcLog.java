package dev.leakhound.formats.jvm;

import java.util.List;
import java.util.Objects;

/**
 * A JVM unified GC log ({@code -Xlog:gc*}) read into its collections, with what the log says about
 * the JVM and the heap.
 *
 * <p>Immutable and thread-safe.
 *
 * @param collector the collector in the {@code Using ...} line ({@code G1}, {@code Parallel},
 *     {@code Serial}, {@code Z}, {@code Shenandoah}, {@code CMS}), or null when absent
 * @param jvmVersion the {@code Version:} line's version, or null
 * @param maxHeapBytes the maximum heap ({@code -Xmx}) from the init lines, -1 when not logged
 * @param regionSizeBytes G1's or Shenandoah's region size, -1 when not logged
 * @param timeBase what the times count: {@code uptime} (seconds since the JVM started), {@code
 *     wallclock} (seconds since the first line's date) or {@code none} (no time decoration)
 * @param collections every collection, ordered by its first line
 * @param notices stalls and cancelled cycles, in log order
 * @param lines how many lines the input had
 */
public record GcLog(
    String collector,
    String jvmVersion,
    long maxHeapBytes,
    long regionSizeBytes,
    String timeBase,
    List<GcCollection> collections,
    List<GcNotice> notices,
    long lines) {
  public GcLog {
    Objects.requireNonNull(timeBase, "timeBase");
    collections = List.copyOf(collections);
    notices = List.copyOf(notices);
  }
}
