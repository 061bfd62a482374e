package dev.leakhound.formats.gctrace;

/**
 * A line of the scavenger (the part of the runtime that returns memory to the OS), in any of its
 * forms: {@code scav 0 KiB work (bg), 0 KiB work (eager), 512 KiB now, 98% util} (Go 1.21+), {@code
 * scav 0 KiB work, 0 KiB total, 99% util} (Go 1.19, 1.20), {@code scvg: 1 MB released} and {@code
 * scvg0: inuse: 3, idle: 0, sys: 3, released: 0, consumed: 3 (MB)} (older).
 *
 * @param releasedKiB memory this line says was released, in KiB (0 when it does not say)
 * @param lineNumber where the line is in the log (1-based)
 */
public record ScavengerLine(long releasedKiB, long lineNumber) {}
