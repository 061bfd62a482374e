package dev.leakhound.analysis.trend;

import java.util.EnumMap;
import java.util.Map;

/**
 * The knobs of the verdict engine, with defaults tuned on the evaluation corpus
 * (testdata/trend-corpus). Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param leakAlpha one-sided Mann-Kendall p-value (after the autocorrelation correction) below
 *     which growth can be a leak
 * @param suspectAlpha p-value below which growth makes the signal suspect
 * @param confidenceLevel level of the slope's confidence interval
 * @param warmUpSeconds skipped at the start of every process lifetime (caches, JIT, pools)
 * @param minimumSpanSeconds the judged floor must span at least this long
 * @param minimumPoints the judged floor must hold at least this many points
 * @param minimumLeakSeconds growth must have lasted this long in the judged regime before it is
 *     called a leak (it is suspect before): a cache that fills for a while looks like a leak until
 *     it stops
 * @param limitHorizonSeconds with a known limit, growth that would take longer than this to reach
 *     it at its current pace is not worth a page (trivial creep, whatever its size relative to the
 *     floor)
 * @param recentFraction the plateau guard's window as a fraction of the judged span
 * @param recentMinimumSeconds the plateau guard's window is at least this long (up to half the
 *     span)
 * @param maxStatisticPoints longer floors are reduced to this many block medians before the
 *     statistics; bounds the cost without losing what an autocorrelated floor can tell
 * @param minimumGrowth the practical minimum per signal kind
 */
public record TrendOptions(
    double leakAlpha,
    double suspectAlpha,
    double confidenceLevel,
    double warmUpSeconds,
    double minimumSpanSeconds,
    int minimumPoints,
    double minimumLeakSeconds,
    double limitHorizonSeconds,
    double recentFraction,
    double recentMinimumSeconds,
    int maxStatisticPoints,
    Map<SignalKind, MinimumGrowth> minimumGrowth) {

  public TrendOptions {
    if (!(leakAlpha > 0 && leakAlpha <= suspectAlpha && suspectAlpha < 1)) {
      throw new IllegalArgumentException("need 0 < leakAlpha <= suspectAlpha < 1");
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException("confidenceLevel must be in (0, 1)");
    }
    if (!(warmUpSeconds >= 0)
        || !(minimumSpanSeconds >= 0)
        || !(minimumLeakSeconds >= 0)
        || !(limitHorizonSeconds > 0)
        || !(recentMinimumSeconds >= 0)) {
      throw new IllegalArgumentException("durations must be 0 or more");
    }
    if (minimumPoints < 4 || maxStatisticPoints < 16) {
      throw new IllegalArgumentException("minimumPoints >= 4 and maxStatisticPoints >= 16");
    }
    if (!(recentFraction > 0 && recentFraction <= 1)) {
      throw new IllegalArgumentException("recentFraction must be in (0, 1]");
    }
    EnumMap<SignalKind, MinimumGrowth> copy = new EnumMap<>(SignalKind.class);
    copy.putAll(defaultMinimumGrowth());
    copy.putAll(minimumGrowth);
    minimumGrowth = Map.copyOf(copy);
  }

  /** The default {@code limitHorizonSeconds}: 30 days. */
  public static final double DEFAULT_LIMIT_HORIZON_SECONDS = 30 * 86400;

  /** The defaults: see README "How the verdict is made". */
  public static TrendOptions defaults() {
    return new TrendOptions(
        0.001,
        0.05,
        0.95,
        300,
        120,
        8,
        600,
        DEFAULT_LIMIT_HORIZON_SECONDS,
        1.0 / 3,
        300,
        256,
        Map.of());
  }

  /**
   * Default minimum growth: 1 % of the starting floor per hour for every kind, and at least 256
   * KiB/h for bytes, 1/h for goroutines, threads and descriptors, 10/h for instances.
   */
  public static Map<SignalKind, MinimumGrowth> defaultMinimumGrowth() {
    EnumMap<SignalKind, MinimumGrowth> m = new EnumMap<>(SignalKind.class);
    for (SignalKind kind : SignalKind.values()) {
      double absolute =
          switch (kind) {
            case GOROUTINES, THREADS, FILE_DESCRIPTORS -> 1;
            case INSTANCES -> 10;
            default -> 256 * 1024;
          };
      m.put(kind, new MinimumGrowth(0.01, absolute));
    }
    return m;
  }

  /** The minimum growth for a kind. */
  public MinimumGrowth minimumGrowth(SignalKind kind) {
    return minimumGrowth.get(kind);
  }

  public TrendOptions withWarmUpSeconds(double seconds) {
    return toBuilder().warmUpSeconds(seconds).build();
  }

  public TrendOptions withAlphas(double leak, double suspect) {
    return toBuilder().alphas(leak, suspect).build();
  }

  public TrendOptions withMaxStatisticPoints(int points) {
    return toBuilder().maxStatisticPoints(points).build();
  }

  public TrendOptions withMinimumLeakSeconds(double seconds) {
    return toBuilder().minimumLeakSeconds(seconds).build();
  }

  public TrendOptions withMinimumGrowth(SignalKind kind, MinimumGrowth growth) {
    return toBuilder().minimumGrowth(kind, growth).build();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some options of a copy; not thread-safe. */
  public static final class Builder {
    private double leakAlpha;
    private double suspectAlpha;
    private final double confidenceLevel;
    private double warmUpSeconds;
    private double minimumSpanSeconds;
    private final int minimumPoints;
    private double minimumLeakSeconds;
    private final double limitHorizonSeconds;
    private final double recentFraction;
    private double recentMinimumSeconds;
    private int maxStatisticPoints;
    private final EnumMap<SignalKind, MinimumGrowth> minimumGrowth =
        new EnumMap<>(SignalKind.class);

    private Builder(TrendOptions o) {
      leakAlpha = o.leakAlpha;
      suspectAlpha = o.suspectAlpha;
      confidenceLevel = o.confidenceLevel;
      warmUpSeconds = o.warmUpSeconds;
      minimumSpanSeconds = o.minimumSpanSeconds;
      minimumPoints = o.minimumPoints;
      minimumLeakSeconds = o.minimumLeakSeconds;
      limitHorizonSeconds = o.limitHorizonSeconds;
      recentFraction = o.recentFraction;
      recentMinimumSeconds = o.recentMinimumSeconds;
      maxStatisticPoints = o.maxStatisticPoints;
      minimumGrowth.putAll(o.minimumGrowth);
    }

    public Builder warmUpSeconds(double seconds) {
      warmUpSeconds = seconds;
      return this;
    }

    public Builder alphas(double leak, double suspect) {
      leakAlpha = leak;
      suspectAlpha = suspect;
      return this;
    }

    public Builder maxStatisticPoints(int points) {
      maxStatisticPoints = points;
      return this;
    }

    public Builder minimumLeakSeconds(double seconds) {
      minimumLeakSeconds = seconds;
      return this;
    }

    public Builder minimumSpanSeconds(double seconds) {
      minimumSpanSeconds = seconds;
      return this;
    }

    /** The plateau guard's shortest recent window. */
    public Builder recentMinimumSeconds(double seconds) {
      recentMinimumSeconds = seconds;
      return this;
    }

    public Builder minimumGrowth(SignalKind kind, MinimumGrowth growth) {
      minimumGrowth.put(kind, growth);
      return this;
    }

    /** Validates and builds. */
    public TrendOptions build() {
      return new TrendOptions(
          leakAlpha,
          suspectAlpha,
          confidenceLevel,
          warmUpSeconds,
          minimumSpanSeconds,
          minimumPoints,
          minimumLeakSeconds,
          limitHorizonSeconds,
          recentFraction,
          recentMinimumSeconds,
          maxStatisticPoints,
          minimumGrowth);
    }
  }
}
