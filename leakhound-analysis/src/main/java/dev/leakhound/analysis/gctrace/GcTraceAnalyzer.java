package dev.leakhound.analysis.gctrace;

import dev.leakhound.formats.gctrace.GcCycle;
import dev.leakhound.formats.gctrace.GcTrace;
import dev.leakhound.formats.gctrace.ScavengerLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link GcTrace} into a {@link GcReport}: the per-cycle table, GC frequency and CPU cost,
 * the live heap after each GC and its trend (through the {@link LiveHeapTrendJudge} seam), the heap
 * goal against GOMEMLIMIT, and GOGC/GOMEMLIMIT advice ({@link GcAdvisor}).
 *
 * <p>Cost: linear in the cycles. Thread-safe when the judge is.
 */
public final class GcTraceAnalyzer {
  /** Below this live heap (MiB) a goal/live ratio says little about GOGC: the 4 MiB floor. */
  private static final long MIN_LIVE_FOR_GOGC_ESTIMATE_MB = 8;

  private final LiveHeapTrendJudge judge;

  public GcTraceAnalyzer(LiveHeapTrendJudge judge) {
    this.judge = judge;
  }

  public GcReport analyze(GcTrace trace, GcSettings settings) {
    List<GcCycle> cycles = trace.cycles();
    int n = cycles.size();
    List<GcCycleRow> table = new ArrayList<>(n);
    double costMs = 0;
    double assistMs = 0;
    long maxGoal = 0;
    int forced = 0;
    int leakChecks = 0;
    for (int i = 0; i < n; i++) {
      GcCycle c = cycles.get(i);
      table.add(
          new GcCycleRow(
              c.number(),
              c.atSeconds(),
              c.cpuPercent(),
              round(c.clockMs()),
              round(c.costCpuMs()),
              c.cpuAssistMs(),
              c.heapStartMB(),
              c.heapEndMB(),
              c.liveHeapMB(),
              c.goalMB(),
              c.stacksMB(),
              c.globalsMB(),
              c.procs(),
              c.forced()));
      if (i > 0) {
        costMs += c.costCpuMs();
        assistMs += c.cpuAssistMs();
      }
      maxGoal = Math.max(maxGoal, c.goalMB());
      forced += c.forced() && !c.checkingLeaks() ? 1 : 0;
      leakChecks += c.checkingLeaks() ? 1 : 0;
    }
    double span = n > 1 ? cycles.get(n - 1).atSeconds() - cycles.get(0).atSeconds() : 0;
    Double perMinute = n > 1 && span > 0 ? round((n - 1) / span * 60) : null;
    Double windowCpu =
        n > 1 && span > 0 ? round(100 * costMs / (span * 1000 * cycles.get(n - 1).procs())) : null;
    Double assistShare = costMs > 0 ? round(100 * assistMs / costMs) : null;
    Long limitMB = settings.gomemlimitBytes() == null ? null : settings.gomemlimitBytes() >> 20;
    Double goalToLimit = limitMB == null || limitMB == 0 ? null : round(100.0 * maxGoal / limitMB);
    Integer estimated = estimateGogc(cycles);
    int gogc;
    String gogcSource;
    if (settings.gogc() != null) {
      gogc = settings.gogc();
      gogcSource = "given";
    } else if (estimated != null) {
      gogc = estimated;
      gogcSource = "estimated";
    } else {
      gogc = 100;
      gogcSource = "assumed";
    }
    long releasedKiB = 0;
    for (ScavengerLine s : trace.scavenger()) {
      releasedKiB += s.releasedKiB();
    }
    LiveHeapTrend trend = trend(cycles, settings);
    Integer runtimeCpu = n > 0 ? cycles.get(n - 1).cpuPercent() : null;
    GcAdvisor.Figures figures =
        new GcAdvisor.Figures(
            n,
            perMinute,
            runtimeCpu,
            windowCpu,
            assistShare,
            maxGoal,
            limitMB,
            gogc,
            forced,
            trend);
    return new GcReport(
        n,
        trend,
        new GcAdvisor().advise(figures, cycles),
        trace.source(),
        round(span),
        perMinute,
        runtimeCpu,
        windowCpu,
        assistShare,
        maxGoal,
        limitMB,
        goalToLimit,
        gogc,
        gogcSource,
        forced,
        leakChecks,
        round(releasedKiB / 1024.0),
        trace.otherLines(),
        trace.interleavedLines(),
        table);
  }

  private LiveHeapTrend trend(List<GcCycle> cycles, GcSettings settings) {
    int n = cycles.size();
    double[] seconds = new double[n];
    double[] bytes = new double[n];
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < n; i++) {
      GcCycle c = cycles.get(i);
      seconds[i] = c.atSeconds();
      bytes[i] = c.liveHeapMB() * 1048576.0;
      min = Math.min(min, c.liveHeapMB());
      max = Math.max(max, c.liveHeapMB());
    }
    LiveHeapTrendJudge.Figures figures =
        new LiveHeapTrendJudge.Figures(
            n,
            n > 0 ? cycles.get(0).liveHeapMB() : 0,
            n > 0 ? cycles.get(n - 1).liveHeapMB() : 0,
            n > 0 ? min : 0,
            max);
    double limit =
        settings.gomemlimitBytes() == null ? Double.NaN : settings.gomemlimitBytes().doubleValue();
    return judge.judge(seconds, bytes, limit, figures);
  }

  /**
   * GOGC from the runtime's own pacing (Go 1.18+): goal = live + (live + stacks + globals) * GOGC /
   * 100, with live the previous cycle's live heap. The median over cycles whose live heap is large
   * enough for the MiB rounding to matter little; null with fewer than three such cycles.
   */
  static Integer estimateGogc(List<GcCycle> cycles) {
    List<Double> estimates = new ArrayList<>();
    for (int i = 1; i < cycles.size(); i++) {
      GcCycle previous = cycles.get(i - 1);
      GcCycle c = cycles.get(i);
      long live = previous.liveHeapMB();
      if (live < MIN_LIVE_FOR_GOGC_ESTIMATE_MB || c.forced() || c.goalMB() <= live) {
        continue;
      }
      long roots = live + Math.max(0, c.stacksMB()) + Math.max(0, c.globalsMB());
      estimates.add(100.0 * (c.goalMB() - live) / roots);
    }
    if (estimates.size() < 3) {
      return null;
    }
    double[] sorted = estimates.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    return (int) Math.max(10, Math.round(median / 10) * 10);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
