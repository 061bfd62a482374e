package dev.leakhound.server.collect;

import java.time.Clock;

/**
 * What collectors share: the HTTP fetcher (one client, connection pools, limits) and the clock.
 *
 * <p>Immutable and thread-safe.
 *
 * @param http the shared fetcher
 * @param clock the wall clock samples are stamped with
 */
public record CollectContext(HttpFetcher http, Clock clock) {}
