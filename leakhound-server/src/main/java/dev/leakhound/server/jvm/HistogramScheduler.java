package dev.leakhound.server.jvm;

import java.time.Duration;

/**
 * Decides when to take a class histogram of a JVM. Each one forces a full GC on the target, so they
 * come on a schedule ({@code every}, default 10 minutes), plus one at once when a signal turns
 * suspect, but never closer together than {@code minimumGap}; the first is taken at once to serve
 * as the baseline.
 *
 * <p>Not thread-safe: one per target, used by its collector.
 */
public final class HistogramScheduler {
  private final long everyMillis;
  private final long gapMillis;
  private long lastMillis = Long.MIN_VALUE;
  private long firstAtMillis = Long.MIN_VALUE;

  public HistogramScheduler(Duration every, Duration minimumGap) {
    if (every.isNegative() || every.isZero() || minimumGap.isNegative()) {
      throw new IllegalArgumentException("the histogram interval must be positive");
    }
    this.everyMillis = every.toMillis();
    this.gapMillis = minimumGap.toMillis();
  }

  /** True when a histogram is due at {@code nowMillis}; {@code suspect} asks for one early. */
  public boolean due(long nowMillis, boolean suspect) {
    if (lastMillis == Long.MIN_VALUE) {
      return nowMillis >= firstAtMillis || suspect;
    }
    long since = nowMillis - lastMillis;
    return since >= everyMillis || (suspect && since >= gapMillis);
  }

  /** Records that a histogram was taken at {@code nowMillis}. */
  public void taken(long nowMillis) {
    lastMillis = nowMillis;
  }

  /** Forgets the last histogram: after a restart the next one is a new baseline. */
  public void reset() {
    reset(Long.MIN_VALUE);
  }

  /**
   * Forgets the last histogram, and takes the next baseline no earlier than {@code firstAtMillis}
   * (the end of the JVM's warm-up: a baseline taken while classes load and caches fill would tie
   * the leak's JDK classes to nothing), unless a signal turns suspect first.
   */
  public void reset(long firstAtMillis) {
    lastMillis = Long.MIN_VALUE;
    this.firstAtMillis = firstAtMillis;
  }
}
