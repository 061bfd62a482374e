package dev.leakhound.analysis.jvm;

/**
 * How many collections of each kind a GC log holds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param total all collections
 * @param young stop-the-world young collections
 * @param mixed G1 mixed collections
 * @param full full collections
 * @param degenerated Shenandoah degenerated collections
 * @param concurrent concurrent cycles (G1 marking, ZGC collections, Shenandoah cycles)
 */
public record GcCounts(
    int total, int young, int mixed, int full, int degenerated, int concurrent) {}
