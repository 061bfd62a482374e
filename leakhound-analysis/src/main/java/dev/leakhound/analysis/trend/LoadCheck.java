package dev.leakhound.analysis.trend;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The load guard: growth that follows the request rate and falls with it is load; growth that
 * persists once the floor is adjusted for the rate is a leak. The floor is fitted as {@code a + b *
 * rate + c * requests} (least squares on the floor points) and the trend test re-run on {@code
 * floor - b * (rate - mean rate)}.
 *
 * @param outcome what the guard concluded
 * @param meanRatePerSecond mean request rate over the judged window
 * @param rateVariation standard deviation of the rate over its mean
 * @param floorRateCorrelation Pearson correlation of floor and rate
 * @param rateTimeCorrelation Pearson correlation of rate and time (near 1: load only rose, so load
 *     and time cannot be told apart)
 * @param perRatePerSecond b: floor units per request/s held in flight
 * @param perRequest c: floor units retained per request
 * @param adjusted the trend test on the load-adjusted floor, or null when not applicable
 */
public record LoadCheck(
    Outcome outcome,
    Double meanRatePerSecond,
    Double rateVariation,
    Double floorRateCorrelation,
    Double rateTimeCorrelation,
    Double perRatePerSecond,
    Double perRequest,
    TrendTest adjusted) {

  /** The guard's conclusions. */
  public enum Outcome {
    /** No request counter was given. */
    NO_LOAD_SIGNAL("no-load-signal"),
    /** The rate barely varied: load cannot explain growth. */
    STEADY_LOAD("steady-load"),
    /** Once adjusted for the rate the floor no longer grows. */
    FOLLOWS_LOAD("follows-load"),
    /** The floor still grows after the adjustment. */
    PERSISTS_UNDER_LOAD("persists-under-load"),
    /** Load rose the whole time: growth may be load or a leak; wait for load to fall. */
    ROSE_WITH_LOAD("rose-with-load");

    private final String id;

    Outcome(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }
  }

  /** The guard without a request counter. */
  static LoadCheck none() {
    return new LoadCheck(Outcome.NO_LOAD_SIGNAL, null, null, null, null, null, null, null);
  }
}
