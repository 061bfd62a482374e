package dev.leakhound.cli.command;

import dev.leakhound.analysis.trend.Quantities;
import dev.leakhound.analysis.trend.TrendOptions;
import dev.leakhound.cli.UsageException;

/**
 * The {@code --warm-up DURATION} option of the commands that judge a series with the verdict engine
 * ({@code trend}, {@code gclog}): the engine's defaults with the warm-up given.
 *
 * <p>Stateless and thread-safe.
 */
final class WarmUp {
  private WarmUp() {}

  /** The engine's defaults, with {@code warmUp} (90s, 5m) when given; bad usage otherwise. */
  static TrendOptions options(String warmUp) {
    TrendOptions o = TrendOptions.defaults();
    if (warmUp != null) {
      try {
        o = o.withWarmUpSeconds(Quantities.parseDuration(warmUp));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--warm-up: " + e.getMessage());
      }
    }
    return o;
  }
}
