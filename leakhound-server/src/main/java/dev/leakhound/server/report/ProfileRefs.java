package dev.leakhound.server.report;

/**
 * The stored profiles a report was made from, by id ({@code GET /api/v1/profiles/{id}} downloads
 * one); null where none was captured.
 *
 * <p>Immutable. The component order is the JSON shape.
 *
 * @param baselineHeap the heap profile taken earlier in the same process lifetime
 * @param currentHeap the heap profile taken when the signal turned suspect
 * @param baselineGoroutines the goroutine counts (debug=1) of the baseline
 * @param currentGoroutines the goroutine profile (proto) of the capture
 * @param goroutineDump the full goroutine dump (debug=2) of the capture
 * @param goroutineLeak the runtime's goroutineleak listing, where the runtime has one
 * @param heapDiff the heap diff from the baseline to the capture (profile.proto), or null
 */
public record ProfileRefs(
    Long baselineHeap,
    Long currentHeap,
    Long baselineGoroutines,
    Long currentGoroutines,
    Long goroutineDump,
    Long goroutineLeak,
    Long heapDiff) {
  public static final ProfileRefs NONE = new ProfileRefs(null, null, null, null, null, null, null);
}
