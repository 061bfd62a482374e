package dev.leakhound.server.dashboard;

import dev.leakhound.analysis.profile.CallTreeCalculator;
import dev.leakhound.analysis.profile.FlameGraph;
import dev.leakhound.analysis.profile.ProfileAlgebra;
import dev.leakhound.analysis.profile.TopOptions;
import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.pprof.Profile;
import java.io.IOException;

/**
 * The report page's differential flame graph: the call tree of the heap profile diff from the
 * baseline to the capture ({@code go tool pprof -diff_base} algebra), in-use bytes by default,
 * every node carrying its current value and its change (d3-flame-graph's differential shape).
 *
 * <p>Stateless and thread-safe. Cost: decoding both profiles plus linear work in their stack
 * frames.
 */
public final class DiffFlameGraph {
  /** The sample type a heap diff shows: what the process holds, the thing a leak grows. */
  public static final String SAMPLE_TYPE = "inuse_space";

  private DiffFlameGraph() {}

  /**
   * The diff tree of two heap profiles as served (gzipped profile.proto); {@code sampleType} null
   * means {@link #SAMPLE_TYPE}.
   */
  public static FlameGraph of(byte[] baseline, byte[] current, String sampleType)
      throws IOException {
    Profile base = PprofReader.parse("baseline heap profile", baseline);
    Profile now = PprofReader.parse("current heap profile", current);
    Profile diff = ProfileAlgebra.diff(base, now);
    TopOptions options =
        TopOptions.defaults().withSampleIndex(sampleType == null ? SAMPLE_TYPE : sampleType);
    return CallTreeCalculator.compute(diff, options);
  }
}
