package dev.leakhound.server.watch;

import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.SeriesData;

/**
 * Decides whether one signal of one target is leaking, from its samples in the current process
 * lifetime. The watch service's only door to the verdict engine ({@code
 * dev.leakhound.analysis.trend}), so detection is never special-cased here: every target, the
 * demo's included, goes through the same call.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface SignalJudge {
  /**
   * Judges {@code series} (ascending times) of {@code signal}; {@code limit} is the limit used for
   * time-to-limit (NaN when none is known); {@code nowMillis} stamps the verdict.
   */
  SignalVerdict judge(Signal signal, SeriesData series, double limit, long nowMillis);
}
