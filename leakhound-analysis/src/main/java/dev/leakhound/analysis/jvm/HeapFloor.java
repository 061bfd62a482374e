package dev.leakhound.analysis.jvm;

import java.util.List;
import java.util.Objects;

/**
 * The heap floor a GC log shows, with its verdict: the heap after collections over time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param basis which figures make the floor: {@code live} (the live bytes marking found: ZGC),
 *     {@code after-full-and-mixed} (heap after full and mixed collections, when there are enough)
 *     or {@code after-every-collection} (the heap after each collection, which still saws between
 *     old collections; the verdict takes its lower envelope)
 * @param points how many points
 * @param firstBytes the first point, -1 without points
 * @param lastBytes the last point, -1 without points
 * @param minBytes the lowest point, -1 without points
 * @param maxBytes the highest point, -1 without points
 * @param maxHeapBytes the maximum heap from the log, -1 when not logged
 * @param lastShareOfMax the last point as a share of the maximum heap (0..1), null when unknown
 * @param verdict the verdict on the series
 * @param series the points, in time order
 */
public record HeapFloor(
    String basis,
    int points,
    long firstBytes,
    long lastBytes,
    long minBytes,
    long maxBytes,
    long maxHeapBytes,
    Double lastShareOfMax,
    FloorVerdict verdict,
    List<FloorPoint> series) {
  public HeapFloor {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(verdict, "verdict");
    series = List.copyOf(series);
  }
}
