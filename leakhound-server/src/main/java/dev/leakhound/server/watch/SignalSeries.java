package dev.leakhound.server.watch;

import dev.leakhound.server.signal.Signal;
import java.util.Objects;

/**
 * One signal of one target as the verdict engine is given it: the samples of the current segment
 * with their companions aligned sample by sample (NaN where a scrape did not say): the GC cycle
 * count, the process start time (a change is a restart) and the cumulative request count (the load
 * guard's input), and the limit for time-to-limit.
 *
 * <p>Immutable by convention: the arrays are not copied; callers must not modify them.
 *
 * @param signal the signal
 * @param t sample times, ms since the epoch, strictly increasing
 * @param values the samples
 * @param gcCycles GC cycles completed, aligned with {@code t}
 * @param processStarts process start time (s since the epoch), aligned with {@code t}
 * @param requests cumulative requests served, aligned with {@code t}
 * @param limit the limit in the signal's unit, NaN when none is known
 */
public record SignalSeries(
    Signal signal,
    long[] t,
    double[] values,
    double[] gcCycles,
    double[] processStarts,
    double[] requests,
    double limit) {
  public SignalSeries {
    Objects.requireNonNull(signal, "signal");
    int n = t.length;
    if (values.length != n
        || gcCycles.length != n
        || processStarts.length != n
        || requests.length != n) {
      throw new IllegalArgumentException("companions must align with the samples");
    }
  }

  public int size() {
    return t.length;
  }
}
