package dev.leakhound.server.jvm;

import java.util.Objects;

/**
 * One collection as a JVM's GC notification reported it ({@code
 * com.sun.management.GarbageCollectionNotificationInfo}): which collector, why, how long, and the
 * heap (the heap pools summed) before and after it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the collector's collection number
 * @param collector the GC bean that reported it ({@code G1 Young Generation}, {@code ZGC Major
 *     Cycles}, {@code Shenandoah Cycles})
 * @param action {@code end of minor GC}, {@code end of major GC}, ...
 * @param cause {@code G1 Evacuation Pause}, {@code Allocation Failure}, {@code System.gc()}, ...
 * @param startMillis when it started, in milliseconds of the JVM's uptime
 * @param durationMillis how long it took
 * @param heapBeforeBytes heap pools used before
 * @param heapAfterBytes heap pools used after
 * @param heapCommittedBytes heap pools committed after
 * @param floor true when its "after" is a floor point: a collection of the whole heap (a major GC:
 *     G1's full collection, Parallel's and Serial's old collections, every class histogram's and
 *     heap dump's forced GC; a ZGC major or Shenandoah cycle). A young collection is not one: it
 *     leaves the old generation's garbage in place, so its "after" creeps up between old
 *     collections even in a service that retains nothing; nor are the notifications that come in
 *     the middle of a cycle ({@code G1 Concurrent GC}, {@code ZGC Pauses}, {@code Shenandoah
 *     Pauses})
 */
public record JvmGcEvent(
    long id,
    String collector,
    String action,
    String cause,
    long startMillis,
    long durationMillis,
    long heapBeforeBytes,
    long heapAfterBytes,
    long heapCommittedBytes,
    boolean floor) {
  public JvmGcEvent {
    Objects.requireNonNull(collector, "collector");
  }

  /**
   * True when {@code collector} (a GC bean's name) collects the whole heap: {@code G1 Old
   * Generation}, {@code PS MarkSweep}, {@code MarkSweepCompact}, {@code ConcurrentMarkSweep},
   * {@code ZGC Cycles}, {@code ZGC Major Cycles}, {@code Shenandoah Cycles}; not the young
   * collectors ({@code G1 Young Generation}, {@code PS Scavenge}, {@code Copy}, {@code ZGC Minor
   * Cycles}) nor the beans that report pauses within a cycle.
   */
  static boolean isWholeHeapCollector(String collector) {
    if (collector == null
        || collector.contains("Pauses")
        || collector.contains("Minor")
        || collector.equals("G1 Concurrent GC")) {
      return false;
    }
    return collector.contains("Old")
        || collector.contains("MarkSweep")
        || collector.contains("Cycles");
  }

  /**
   * True when a notification of {@code collector} with {@code action} ({@code end of major GC},
   * {@code end of minor GC}, {@code end of GC cycle}) gives a floor point (see {@link #floor()}).
   */
  static boolean isFloor(String collector, String action) {
    if (collector.contains("Pauses") || collector.equals("G1 Concurrent GC")) {
      return false;
    }
    if (action != null && action.contains("major")) {
      return true;
    }
    // Concurrent collectors' whole-heap cycles: ZGC (non-generational "ZGC Cycles", generational
    // "ZGC Major Cycles") and Shenandoah; a generational minor cycle is no floor.
    return collector.contains("Cycles") && !collector.contains("Minor");
  }
}
