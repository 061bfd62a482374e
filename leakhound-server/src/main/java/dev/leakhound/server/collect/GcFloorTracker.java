package dev.leakhound.server.collect;

/**
 * Derives the heap floor (the heap right after a GC) from what a scrape sees, once per completed GC
 * cycle. A scrape lands anywhere on the sawtooth, so the heap in use says little; but a GC leaves
 * two exact traces: the live heap it marked ({@code go_gc_heap_live_bytes}, a JVM pool's collection
 * usage) and the goal it set for the next cycle, which Go computes as live x (1 + GOGC/100). When
 * the cycle count advanced since the last scrape, the floor is the live heap, or else the goal
 * divided back; when it did not, there is no new floor point (repeating the old one would invent
 * evidence).
 *
 * <p>Not thread-safe: one per collector, used by its scrapes (which never overlap).
 */
public final class GcFloorTracker {
  private double lastCycles = Double.NaN;

  /**
   * The floor for this scrape, or NaN when no new cycle completed (or nothing can say).
   *
   * @param cycles completed GC cycles (NaN when unknown)
   * @param live the live heap after the last GC (NaN when unknown)
   * @param goal the next GC's heap goal (NaN when unknown)
   * @param gogcPercent GOGC (100 by default; negative when GC is off)
   */
  public double floor(double cycles, double live, double goal, double gogcPercent) {
    if (Double.isNaN(cycles)) {
      // Without a cycle count only an exact live-heap figure is worth recording.
      return live > 0 ? live : Double.NaN;
    }
    if (cycles <= 0 || cycles == lastCycles) {
      lastCycles = cycles;
      return Double.NaN;
    }
    lastCycles = cycles;
    if (live > 0) {
      return live;
    }
    if (goal > 0 && gogcPercent > 0) {
      return goal / (1 + gogcPercent / 100.0);
    }
    return Double.NaN;
  }
}
