package dev.leakhound.formats.gctrace;

/**
 * One {@code GODEBUG=gctrace=1} line: a completed GC cycle, with every field the runtime prints.
 *
 * <pre>
 * gc 12 @3.456s 2%: 0.015+1.2+0.003 ms clock, 0.06+0.4/1.1/2.3+0.012 ms cpu, 4->5->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P (forced)
 * </pre>
 *
 * Heap sizes are in the runtime's "MB", which are MiB ({@code bytes >> 20}).
 *
 * @param number the cycle number (gc N), counted from program start
 * @param atSeconds seconds since program start when the cycle began (@Ts)
 * @param cpuPercent share of CPU time spent in GC since program start (P%)
 * @param checkingLeaks true for the Go 1.26 goroutine-leak-detection cycles ({@code (checking for
 *     goroutine leaks)})
 * @param clockSweepTermMs wall time of the stop-the-world sweep termination
 * @param clockMarkMs wall time of concurrent marking
 * @param clockMarkTermMs wall time of the stop-the-world mark termination
 * @param cpuSweepTermMs CPU time of sweep termination
 * @param cpuAssistMs CPU time of mutator assists
 * @param cpuBackgroundMs CPU time of dedicated and fractional background marking
 * @param cpuIdleMs CPU time of idle-priority marking (otherwise idle processors)
 * @param cpuMarkTermMs CPU time of mark termination
 * @param heapStartMB heap size when the cycle started
 * @param heapEndMB heap size when marking ended
 * @param liveHeapMB heap marked live: the memory floor a leak raises
 * @param goalMB the heap goal of this cycle
 * @param stacksMB scannable goroutine stacks (Go 1.18+), or -1 when the line has none
 * @param globalsMB scannable globals (Go 1.18+), or -1 when the line has none
 * @param procs GOMAXPROCS (N P)
 * @param forced true for a cycle forced by {@code runtime.GC()} ({@code (forced)})
 * @param periodic true when a {@code GC forced} line (the two-minute periodic GC) preceded it
 * @param lineNumber where the line is in the log (1-based)
 */
public record GcCycle(
    long number,
    double atSeconds,
    int cpuPercent,
    boolean checkingLeaks,
    double clockSweepTermMs,
    double clockMarkMs,
    double clockMarkTermMs,
    double cpuSweepTermMs,
    double cpuAssistMs,
    double cpuBackgroundMs,
    double cpuIdleMs,
    double cpuMarkTermMs,
    long heapStartMB,
    long heapEndMB,
    long liveHeapMB,
    long goalMB,
    long stacksMB,
    long globalsMB,
    int procs,
    boolean forced,
    boolean periodic,
    long lineNumber) {
  public GcCycle {
    if (number < 0 || atSeconds < 0 || cpuPercent < 0 || procs < 1 || lineNumber < 1) {
      throw new IllegalArgumentException("a gctrace cycle with a negative or zero field");
    }
    if (heapStartMB < 0 || heapEndMB < 0 || liveHeapMB < 0 || goalMB < 0) {
      throw new IllegalArgumentException("negative heap sizes");
    }
  }

  /** Wall time of the whole cycle: the three phases. */
  public double clockMs() {
    return clockSweepTermMs + clockMarkMs + clockMarkTermMs;
  }

  /**
   * CPU time the cycle took from the program: every component but idle marking, which runs on
   * processors that had nothing else to do (the runtime leaves it out of its GC CPU share too).
   */
  public double costCpuMs() {
    return cpuSweepTermMs + cpuAssistMs + cpuBackgroundMs + cpuMarkTermMs;
  }
}
