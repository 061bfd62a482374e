package dev.leakhound.analysis.jvm;

import dev.leakhound.analysis.trend.SignalKind;
import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.analysis.trend.TrendInput;
import dev.leakhound.analysis.trend.TrendOptions;
import dev.leakhound.analysis.trend.Verdict;

/**
 * The {@link HeapFloorJudge} backed by the verdict engine ({@link TrendAnalyzer}): a floor that is
 * already one (live bytes, heap after full and mixed collections) is judged as {@link
 * SignalKind#HEAP_AFTER_GC}; the heap after every collection, which still saws between old
 * collections, as {@link SignalKind#LIVE_HEAP}, whose floor the engine finds itself. The maximum
 * heap is the limit the time to the limit is counted to.
 *
 * <p>Immutable and thread-safe. Cost: the engine's, O(n log n) in the points.
 */
public final class TrendFloorJudge implements HeapFloorJudge {
  private final TrendAnalyzer analyzer;

  public TrendFloorJudge(TrendOptions options) {
    this.analyzer = new TrendAnalyzer(options);
  }

  /** A judge with the engine's defaults. */
  public static TrendFloorJudge defaults() {
    return new TrendFloorJudge(TrendOptions.defaults());
  }

  @Override
  public FloorVerdict judge(double[] times, double[] bytes, long limitBytes, boolean floorAlready) {
    TrendInput.Builder input =
        TrendInput.builder(
            floorAlready ? SignalKind.HEAP_AFTER_GC : SignalKind.LIVE_HEAP, times, bytes);
    if (limitBytes > 0) {
      input.limit(limitBytes);
    }
    Verdict v = analyzer.analyze(input.build());
    return new FloorVerdict(v.verdict().id(), v.slopePerHour(), v.timeToLimitSeconds(), v.reason());
  }
}
