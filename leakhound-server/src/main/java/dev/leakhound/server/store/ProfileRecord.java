package dev.leakhound.server.store;

/**
 * A captured profile's metadata (the bytes are fetched with {@link ProfileStore#content}).
 *
 * <p>Immutable.
 *
 * @param id the id used in download URLs
 * @param target the target name
 * @param kind the profile kind id ({@code heap}, {@code goroutine}, {@code goroutine-debug2},
 *     {@code goroutineleak})
 * @param t when it was captured
 * @param role {@code baseline} (taken at start or on schedule) or {@code capture} (taken when a
 *     signal turned suspect)
 * @param lifetime the process lifetime it belongs to
 * @param size stored size in bytes (gzipped)
 * @param sha256 hash of the uncompressed content; equal profiles share storage
 */
public record ProfileRecord(
    long id,
    String target,
    String kind,
    long t,
    String role,
    String lifetime,
    long size,
    String sha256) {}
