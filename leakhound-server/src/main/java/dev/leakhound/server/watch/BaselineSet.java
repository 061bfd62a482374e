package dev.leakhound.server.watch;

import dev.leakhound.server.collect.ProfileKind;
import dev.leakhound.server.store.ProfileRecord;
import java.util.Map;

/**
 * Profiles captured together at one moment of one process lifetime, to compare later captures with.
 *
 * <p>Immutable.
 *
 * @param t when they were captured
 * @param lifetime the process lifetime
 * @param profiles the stored profiles by kind
 */
public record BaselineSet(long t, String lifetime, Map<ProfileKind, ProfileRecord> profiles) {
  public BaselineSet {
    profiles = Map.copyOf(profiles);
  }
}
