package dev.leakhound.analysis.jvm;

/**
 * One point of the heap floor: the heap after a collection (or the live bytes its marking found).
 *
 * <p>Immutable and thread-safe.
 *
 * @param gcId the collection's {@code GC(n)} id
 * @param seconds when it ended, in the log's time base; null when the log has no times
 * @param bytes the floor
 * @param committedBytes heap committed after it, -1 when not logged
 */
public record FloorPoint(long gcId, Double seconds, long bytes, long committedBytes) {}
