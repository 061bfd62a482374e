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
 * @param floor true when its "after" is a floor point: false for the beans whose notifications come
 *     in the middle of a cycle ({@code G1 Concurrent GC}, {@code ZGC Pauses}, {@code Shenandoah
 *     Pauses}), where the young generation is still uncollected
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

  /** True when {@code collector}'s notifications give floor points (see {@link #floor()}). */
  static boolean isFloorCollector(String collector) {
    return !collector.contains("Pauses") && !collector.equals("G1 Concurrent GC");
  }
}
