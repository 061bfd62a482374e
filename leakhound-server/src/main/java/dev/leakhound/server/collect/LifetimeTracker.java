package dev.leakhound.server.collect;

/**
 * Names the process lifetime a scrape belongs to, so a restart is seen: by the process start time
 * when the target reports one, else by a monotonic counter (GC cycles) going backwards.
 *
 * <p>Not thread-safe: one per collector.
 */
public final class LifetimeTracker {
  private String current = "";
  private double lastCounter = Double.NaN;

  /**
   * The lifetime for this scrape.
   *
   * @param startTimeSeconds the process start time, or NaN
   * @param counter a counter that only grows within one lifetime, or NaN
   * @param nowMillis the scrape time, used to name a lifetime detected by a counter reset
   */
  public String lifetime(double startTimeSeconds, double counter, long nowMillis) {
    if (!Double.isNaN(startTimeSeconds)) {
      current = "start:" + (long) (startTimeSeconds * 1000);
    } else if (current.isEmpty() || (counter < lastCounter)) {
      current = "seen:" + nowMillis;
    }
    if (!Double.isNaN(counter)) {
      lastCounter = counter;
    }
    return current;
  }
}
