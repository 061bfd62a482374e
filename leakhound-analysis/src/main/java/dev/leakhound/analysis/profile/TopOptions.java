package dev.leakhound.analysis.profile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a top report shows, with pprof's defaults: the default sample type, functions, every node
 * (no count limit) except those whose cumulative value is under 0.5% of the total.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sampleIndex the sample type by name or number, or null for the profile's default
 * @param granularity one row per function or per line
 * @param nodeCount the largest number of rows, 0 for no limit (pprof's {@code -nodecount})
 * @param nodeFraction rows with |cum| under this fraction of the total are dropped (pprof's {@code
 *     -nodefraction}, 0.005)
 * @param focus keep only samples with a frame matching this, or null
 * @param ignore drop samples with a frame matching this, or null
 */
public record TopOptions(
    String sampleIndex,
    Granularity granularity,
    int nodeCount,
    double nodeFraction,
    Pattern focus,
    Pattern ignore) {
  /** pprof's default node fraction. */
  public static final double DEFAULT_NODE_FRACTION = 0.005;

  public TopOptions {
    Objects.requireNonNull(granularity, "granularity");
    if (nodeCount < 0) {
      throw new IllegalArgumentException("nodeCount must be >= 0: " + nodeCount);
    }
  }

  /** pprof's defaults for {@code -top}. */
  public static TopOptions defaults() {
    return new TopOptions(null, Granularity.FUNCTION, 0, DEFAULT_NODE_FRACTION, null, null);
  }

  public TopOptions withSampleIndex(String name) {
    return new TopOptions(name, granularity, nodeCount, nodeFraction, focus, ignore);
  }

  public TopOptions withGranularity(Granularity g) {
    return new TopOptions(sampleIndex, g, nodeCount, nodeFraction, focus, ignore);
  }

  public TopOptions withNodeCount(int n) {
    return new TopOptions(sampleIndex, granularity, n, nodeFraction, focus, ignore);
  }

  public TopOptions withNodeFraction(double f) {
    return new TopOptions(sampleIndex, granularity, nodeCount, f, focus, ignore);
  }

  public TopOptions withFocus(Pattern f) {
    return new TopOptions(sampleIndex, granularity, nodeCount, nodeFraction, f, ignore);
  }

  public TopOptions withIgnore(Pattern i) {
    return new TopOptions(sampleIndex, granularity, nodeCount, nodeFraction, focus, i);
  }
}
