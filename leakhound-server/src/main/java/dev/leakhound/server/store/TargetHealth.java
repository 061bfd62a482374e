package dev.leakhound.server.store;

/**
 * How a target's scrapes are going.
 *
 * <p>Immutable.
 *
 * @param up whether the last scrape succeeded
 * @param lastScrape when the last scrape ended (ms since the epoch; 0 before the first)
 * @param lastSuccess when the last successful scrape ended
 * @param lastDurationMs how long the last scrape took
 * @param lastError why the last scrape failed; empty when it succeeded
 * @param consecutiveFailures failures since the last success
 * @param scrapes scrapes so far
 * @param errors failed scrapes so far
 * @param lifetime the process lifetime last seen (changes on restart)
 */
public record TargetHealth(
    boolean up,
    long lastScrape,
    long lastSuccess,
    double lastDurationMs,
    String lastError,
    int consecutiveFailures,
    long scrapes,
    long errors,
    String lifetime) {
  public static final TargetHealth UNKNOWN = new TargetHealth(false, 0, 0, 0, "", 0, 0, 0, "");

  public TargetHealth {
    lastError = lastError == null ? "" : lastError;
    lifetime = lifetime == null ? "" : lifetime;
  }

  /** The health after a successful scrape. */
  public TargetHealth success(long at, double durationMs, String newLifetime) {
    return new TargetHealth(true, at, at, durationMs, "", 0, scrapes + 1, errors, newLifetime);
  }

  /** The health after a failed scrape. */
  public TargetHealth failure(long at, double durationMs, String error) {
    return new TargetHealth(
        false,
        at,
        lastSuccess,
        durationMs,
        error,
        consecutiveFailures + 1,
        scrapes + 1,
        errors + 1,
        lifetime);
  }
}
