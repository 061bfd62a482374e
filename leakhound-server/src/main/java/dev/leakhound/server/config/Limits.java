package dev.leakhound.server.config;

import dev.leakhound.server.signal.Signal;

/**
 * A target's limits, used to say how long until a leak hits them: {@code memory} (applies to the
 * heap and RSS signals), {@code goroutines}, {@code openFds}, {@code threads}. NaN means unset: the
 * memory limit then comes from the target itself when it reports one (GOMEMLIMIT).
 *
 * <p>Immutable.
 */
public record Limits(double memoryBytes, double goroutines, double openFds, double threads) {
  public static final Limits NONE = new Limits(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The configured limit for {@code signal}, or NaN. */
  public double forSignal(Signal signal) {
    return switch (signal) {
      case HEAP_FLOOR, HEAP_INUSE, HEAP_ALLOC, RSS -> memoryBytes;
      case GOROUTINES -> goroutines;
      case OPEN_FDS -> openFds;
      case THREADS -> threads;
      default -> Double.NaN;
    };
  }
}
