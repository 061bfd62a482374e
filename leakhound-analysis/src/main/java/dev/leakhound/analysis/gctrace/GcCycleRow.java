package dev.leakhound.analysis.gctrace;

/**
 * One row of the per-cycle table (JSON shape of a {@code table} entry). Sizes in MiB (the runtime's
 * "MB"), times in milliseconds.
 *
 * @param number gc N
 * @param atSeconds when the cycle started, seconds since program start
 * @param gcCpuPercent the runtime's share of CPU spent in GC since start
 * @param clockMs wall time of the cycle
 * @param cpuMs CPU time the cycle cost (idle marking excluded)
 * @param assistMs CPU time of mutator assists
 * @param heapStartMB heap at the start
 * @param heapEndMB heap at the end of marking
 * @param liveHeapMB live heap
 * @param goalMB heap goal
 * @param stacksMB scannable stacks, or -1 before Go 1.18
 * @param globalsMB scannable globals, or -1 before Go 1.18
 * @param procs GOMAXPROCS
 * @param forced runtime.GC() forced it
 */
public record GcCycleRow(
    long number,
    double atSeconds,
    int gcCpuPercent,
    double clockMs,
    double cpuMs,
    double assistMs,
    long heapStartMB,
    long heapEndMB,
    long liveHeapMB,
    long goalMB,
    long stacksMB,
    long globalsMB,
    int procs,
    boolean forced) {}
