package dev.leakhound.server.watch;

import dev.leakhound.server.report.SignalVerdict;

/**
 * Decides whether one signal of one target is leaking, from its samples in the current segment. The
 * watch service's only door to the verdict engine ({@code dev.leakhound.analysis.trend}, see {@link
 * TrendJudge}), so detection is never special-cased here: every target, the demo's included, goes
 * through the same call.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface SignalJudge {
  /** Judges {@code series}; {@code nowMillis} stamps the verdict. */
  SignalVerdict judge(SignalSeries series, long nowMillis);
}
