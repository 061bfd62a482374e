package dev.leakhound.analysis.jvm;

import java.util.List;
import java.util.Objects;

/**
 * What a JVM unified GC log says: pause statistics overall, by type and by cause, concurrent
 * cycles, the heap floor over time with its verdict, and tuning advice. The result of {@code
 * leakhound gclog}; component order is the JSON shape README documents.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file name
 * @param collector {@code G1}, {@code Parallel}, {@code Serial}, {@code Z}, {@code Shenandoah},
 *     {@code CMS}, or null when the log does not say
 * @param jvmVersion the JVM's version, or null
 * @param maxHeapBytes the maximum heap, -1 when not logged
 * @param timeBase {@code uptime}, {@code wallclock} or {@code none}
 * @param spanSeconds from the first collection's start to the last one's end, null without times
 * @param collections collections by kind
 * @param pauses all stop-the-world pauses
 * @param gcTimePercent pause time as a share of the span, in percent; null without times
 * @param pausesByType pauses grouped by type, most total time first
 * @param pausesByCause pauses grouped by the cause of their collection, most total time first
 * @param concurrentCycles durations of the concurrent cycles
 * @param allocationStalls ZGC allocation stalls: count, total and longest
 * @param heapAfterGc the heap floor and its verdict
 * @param advice tuning advice, warnings first
 * @param leakFound true when the verdict on the floor is {@code leak}
 */
public record GcLogAnalysis(
    String source,
    String collector,
    String jvmVersion,
    long maxHeapBytes,
    String timeBase,
    Double spanSeconds,
    GcCounts collections,
    DurationStats pauses,
    Double gcTimePercent,
    List<DurationStats> pausesByType,
    List<DurationStats> pausesByCause,
    DurationStats concurrentCycles,
    DurationStats allocationStalls,
    HeapFloor heapAfterGc,
    List<GcAdvice> advice,
    boolean leakFound) {
  public GcLogAnalysis {
    Objects.requireNonNull(source, "source");
    pausesByType = List.copyOf(pausesByType);
    pausesByCause = List.copyOf(pausesByCause);
    advice = List.copyOf(advice);
  }

  /** The same analysis with {@code newAdvice}. */
  public GcLogAnalysis withAdvice(List<GcAdvice> newAdvice) {
    return new GcLogAnalysis(
        source,
        collector,
        jvmVersion,
        maxHeapBytes,
        timeBase,
        spanSeconds,
        collections,
        pauses,
        gcTimePercent,
        pausesByType,
        pausesByCause,
        concurrentCycles,
        allocationStalls,
        heapAfterGc,
        newAdvice,
        leakFound);
  }
}
