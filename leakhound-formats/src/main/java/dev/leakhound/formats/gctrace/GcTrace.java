package dev.leakhound.formats.gctrace;

import java.util.List;

/**
 * What a log holding {@code GODEBUG=gctrace=1} output says: its GC cycles in order, its scavenger
 * lines, and how many lines were something else.
 *
 * <p>Immutable.
 *
 * @param source the file name or {@code <stdin>}
 * @param cycles the gc lines, in log order
 * @param scavenger the scav/scvg lines, in log order
 * @param periodicLines {@code GC forced} lines (the runtime's two-minute periodic GC)
 * @param otherLines lines that are neither (the program's own output), skipped
 * @param interleavedLines gc lines broken by the program's output written into their middle,
 *     skipped (see {@link GcTraceReader})
 * @param truncatedLines a last gc line cut off by the end of the input, skipped (0 or 1)
 */
public record GcTrace(
    String source,
    List<GcCycle> cycles,
    List<ScavengerLine> scavenger,
    long periodicLines,
    long otherLines,
    long interleavedLines,
    long truncatedLines) {
  public GcTrace {
    cycles = List.copyOf(cycles);
    scavenger = List.copyOf(scavenger);
  }
}
