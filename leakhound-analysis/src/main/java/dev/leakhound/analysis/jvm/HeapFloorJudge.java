package dev.leakhound.analysis.jvm;

/**
 * Judges whether a heap floor grows: the seam where the verdict engine ({@code
 * dev.leakhound.analysis.trend}) plugs into the GC log analysis.
 *
 * <p>Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface HeapFloorJudge {
  /** A judge for when no verdict engine is available: says so. */
  HeapFloorJudge UNAVAILABLE =
      (times, bytes, limitBytes, floorAlready) ->
          new FloorVerdict("unknown", null, null, "no verdict engine is available");

  /**
   * The verdict on {@code bytes} at {@code times} (seconds, strictly increasing).
   *
   * @param limitBytes the maximum heap, or -1 when unknown
   * @param floorAlready true when every value is already a floor (live bytes, heap after a full
   *     collection); false when they still saw (heap after every young collection)
   */
  FloorVerdict judge(double[] times, double[] bytes, long limitBytes, boolean floorAlready);
}
