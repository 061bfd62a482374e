package dev.leakhound.analysis.trend;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The plateau guard: does the recent part of the floor still grow like the whole? A cache that
 * warms up rises and then levels off; a leak keeps its pace.
 *
 * @param outcome what the guard concluded
 * @param windowSeconds the length of the recent window
 * @param recent the trend test on the recent window, or null when not checked
 */
public record PlateauCheck(Outcome outcome, double windowSeconds, TrendTest recent) {
  /** The guard's conclusions. */
  public enum Outcome {
    /** Not needed (no growth overall) or too few recent points. */
    NOT_CHECKED("not-checked"),
    /** The recent window grows like the whole. */
    STILL_GROWING("still-growing"),
    /**
     * The recent window does not grow at all, or significantly slower than the whole, or the window
     * bends down: it may be a warm-up still ending.
     */
    SLOWING("slowing"),
    /**
     * The recent slope is indistinguishable from zero and well below the whole's, and most of the
     * growth came early.
     */
    LEVELLED_OFF("levelled-off");

    private final String id;

    Outcome(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }
  }
}
