package dev.leakhound.server.collect;

import java.util.Set;

/**
 * Reads one target: its memory signals on every scrape, and on demand the profiles the diagnosis
 * compares. One instance per target, created by its {@link TargetKind}; the scheduler never calls
 * {@link #scrape} twice at once for the same collector, but {@link #capture} may run beside a
 * scrape, so implementations keep shared state thread-safe.
 *
 * <p>Adding a kind means one {@link TargetKind} that creates one of these (the JVM's is {@link
 * JvmCollector}); the store, detection, alerting and API work unchanged.
 */
public interface Collector extends AutoCloseable {
  /**
   * Collects the signals now. Must return or throw within the target's timeout; failures say what
   * went wrong in words ({@link CollectException#getMessage()} is shown as the target's last
   * error).
   */
  Scrape scrape() throws CollectException;

  /** The profiles this target can capture; may shrink as endpoints turn out absent. */
  Set<ProfileKind> captureKinds();

  /** Captures one profile now. */
  CapturedProfile capture(ProfileKind kind) throws CollectException;

  /**
   * How often this target's baseline profiles are captured, when its kind has a schedule of its own
   * (a JVM's class histogram forces a full GC, so it comes every {@code histogramInterval}); null,
   * the default, follows {@code capture.baselineInterval}.
   */
  default java.time.Duration baselineInterval() {
    return null;
  }

  /** Releases connections or handles; the default has nothing to release. */
  @Override
  default void close() {}
}
