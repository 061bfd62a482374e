package dev.leakhound.server.support;

import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.watch.ProfileComparison;
import dev.leakhound.server.watch.SignalJudge;
import java.time.Instant;
import java.util.List;

/** Stand-ins for tests that exercise collection, storage or the API but not detection. */
public final class Judges {
  private Judges() {}

  /** Says "insufficient-data" for everything: detection stays quiet. */
  public static SignalJudge quiet() {
    return (series, now) ->
        new SignalVerdict(
            series.signal().id(),
            SignalVerdict.INSUFFICIENT_DATA,
            null,
            null,
            null,
            0,
            null,
            null,
            series.size(),
            0,
            0,
            Instant.ofEpochMilli(now).toString(),
            "test judge",
            null,
            null,
            null,
            null,
            null);
  }

  /** Finds nothing in profiles. */
  public static ProfileComparison nothing() {
    return new ProfileComparison() {
      @Override
      public HeapFindings heapGrowth(byte[] baseline, byte[] current) {
        return new HeapFindings(List.of(), null, "", null);
      }

      @Override
      public GoroutineFindings goroutineGrowth(
          List<byte[]> dumps, byte[] leakListing, List<java.nio.file.Path> sourceRoots) {
        return new GoroutineFindings(List.of(), null, null);
      }
    };
  }
}
