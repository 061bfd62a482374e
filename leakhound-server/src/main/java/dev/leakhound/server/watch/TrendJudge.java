package dev.leakhound.server.watch;

import dev.leakhound.analysis.trend.MinimumGrowth;
import dev.leakhound.analysis.trend.SignalKind;
import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.analysis.trend.TrendEvidence;
import dev.leakhound.analysis.trend.TrendInput;
import dev.leakhound.analysis.trend.TrendOptions;
import dev.leakhound.analysis.trend.Verdict;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@link SignalJudge} of the watch service: the verdict engine ({@link TrendAnalyzer}) with the
 * options of the configuration's {@code evaluation} section. Each signal is handed over as the kind
 * the engine knows it by (the heap floor is already a floor; goroutines, RSS and descriptors have
 * theirs found by rolling minima), with its GC cycles, process starts and request counts.
 *
 * <p>Immutable and thread-safe. Cost: the engine's, O(n log n) in the samples.
 */
public final class TrendJudge implements SignalJudge {
  private final TrendAnalyzer analyzer;

  public TrendJudge(TrendOptions options) {
    this.analyzer = new TrendAnalyzer(options);
  }

  /** The engine's defaults with what {@code evaluation} overrides. */
  public static TrendJudge of(WatchConfig.Evaluation e) {
    TrendOptions d = TrendOptions.defaults();
    TrendOptions.Builder b =
        d.toBuilder()
            .warmUpSeconds(seconds(e.warmUp(), d.warmUpSeconds()))
            .minimumSpanSeconds(seconds(e.minimumSpan(), d.minimumSpanSeconds()))
            .minimumLeakSeconds(seconds(e.minimumLeak(), d.minimumLeakSeconds()))
            .recentMinimumSeconds(seconds(e.plateauWindow(), d.recentMinimumSeconds()));
    // Only the absolute floor is configurable; the relative one (1 %/h of the level) stays.
    WatchConfig.MinimumGrowth m = e.minimumGrowth();
    for (SignalKind k : SignalKind.values()) {
      double absolute =
          switch (k) {
            case GOROUTINES -> m.goroutines();
            case FILE_DESCRIPTORS -> m.openFds();
            case THREADS -> m.threads();
            case INSTANCES -> Double.NaN;
            default -> m.bytes();
          };
      if (!Double.isNaN(absolute)) {
        b.minimumGrowth(k, new MinimumGrowth(d.minimumGrowth(k).relativePerHour(), absolute));
      }
    }
    return new TrendJudge(b.build());
  }

  /** The options the engine runs with. */
  TrendOptions options() {
    return analyzer.options();
  }

  private static double seconds(Duration d, double fallback) {
    return d == null ? fallback : d.toMillis() / 1000.0;
  }

  /** The engine's name for what {@code signal} measures. */
  static SignalKind kind(Signal signal) {
    return switch (signal) {
      case HEAP_FLOOR -> SignalKind.HEAP_AFTER_GC;
      case HEAP_GOAL -> SignalKind.NEXT_GC_GOAL;
      case GOROUTINES -> SignalKind.GOROUTINES;
      case THREADS -> SignalKind.THREADS;
      case RSS -> SignalKind.RSS;
      case OPEN_FDS -> SignalKind.FILE_DESCRIPTORS;
      default -> SignalKind.LIVE_HEAP;
    };
  }

  @Override
  public SignalVerdict judge(SignalSeries s, long nowMillis) {
    int n = s.size();
    double[] times = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = s.t()[i] / 1000.0;
    }
    TrendInput.Builder b =
        TrendInput.builder(kind(s.signal()), times, s.values())
            // GC cycles mark where a heap's floor lies; counts (goroutines, descriptors) have no
            // collector sawtooth, and tying them to GC cycles would only thin their points out.
            .gcCycles(
                s.signal().unit() == Signal.Unit.BYTES && anyKnown(s.gcCycles())
                    ? s.gcCycles()
                    : null)
            .processStarts(anyKnown(s.processStarts()) ? s.processStarts() : null)
            .requests(anyKnown(s.requests()) ? s.requests() : null);
    if (s.limit() > 0 && Double.isFinite(s.limit())) {
      b.limit(s.limit());
    }
    Verdict v = analyzer.analyze(b.build());
    TrendEvidence e = v.evidence();
    return new SignalVerdict(
        s.signal().id(),
        v.verdict().id(),
        v.slopePerHour(),
        v.slopeLow(),
        v.slopeHigh(),
        v.confidence(),
        v.timeToLimitSeconds(),
        v.limit(),
        e == null ? 0 : e.floorPoints(),
        e == null || e.segmentStart() == null ? 0 : (long) (e.segmentStart() * 1000),
        e == null || e.segmentEnd() == null ? 0 : (long) (e.segmentEnd() * 1000),
        Instant.ofEpochMilli(nowMillis).toString(),
        v.reason(),
        e == null ? null : e.startLevel(),
        e == null ? null : e.currentLevel(),
        e == null ? null : e.segmentCause(),
        e == null || e.plateau() == null ? null : e.plateau().outcome().id(),
        e == null || e.load() == null ? null : e.load().outcome().id());
  }

  private static boolean anyKnown(double[] a) {
    for (double x : a) {
      if (!Double.isNaN(x)) {
        return true;
      }
    }
    return false;
  }
}
