package dev.leakhound.server.watch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A target's state as the API and the dashboard show it.
 *
 * <p>Immutable.
 */
public enum TargetState {
  /** Scraped fine, nothing growing. */
  OK,
  /** A signal looks like it is growing; a report is open. */
  SUSPECT,
  /** The verdict engine calls a leak. */
  LEAK,
  /** The last scrape failed. */
  DOWN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
