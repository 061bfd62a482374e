package dev.leakhound.server.collect;

import java.util.Objects;

/**
 * A profile as the target served it: the bytes are kept exactly (gzipped profile.proto for pprof
 * kinds), so a download opens in {@code go tool pprof}.
 *
 * <p>Immutable (the array is not copied: callers must not modify it).
 *
 * @param kind what was captured
 * @param timeMillis when
 * @param content the bytes as served
 */
public record CapturedProfile(ProfileKind kind, long timeMillis, byte[] content) {
  public CapturedProfile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(content, "content");
  }
}
