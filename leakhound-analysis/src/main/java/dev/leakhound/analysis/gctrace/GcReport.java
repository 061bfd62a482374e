package dev.leakhound.analysis.gctrace;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code leakhound gctrace} reports. The record is the JSON shape (README documents it);
 * figures that need at least two cycles, or a setting nobody gave, are null.
 *
 * @param cycles GC cycles in the log
 * @param liveHeapTrend the live heap after each GC and its trend
 * @param advice GOGC/GOMEMLIMIT advice, most important first; never empty
 * @param source the log's name
 * @param spanSeconds time from the first cycle to the last
 * @param cyclesPerMinute GC frequency over that span
 * @param gcCpuPercent the runtime's own share of CPU spent in GC since start, at the last cycle
 * @param windowCpuPercent CPU the cycles cost over the span, as a share of GOMAXPROCS x time
 * @param assistPercent share of the GC's CPU done by mutator assists
 * @param maxGoalMB the largest heap goal
 * @param gomemlimitMB GOMEMLIMIT as given with {@code --gomemlimit}, MiB
 * @param goalToLimitPercent the largest heap goal as a share of GOMEMLIMIT
 * @param gogc GOGC as given with {@code --gogc}, else estimated from goals and live heaps
 * @param gogcSource {@code given}, {@code estimated} or {@code assumed} (the default, 100)
 * @param forcedCycles cycles forced by runtime.GC()
 * @param leakCheckCycles Go 1.26 goroutine-leak-detection cycles
 * @param scavengerReleasedMB memory the scavenger lines say was returned to the OS
 * @param otherLines lines that were not gctrace (the program's output)
 * @param interleavedLines gctrace lines broken by the program's output, skipped
 * @param table one row per cycle
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GcReport(
    int cycles,
    LiveHeapTrend liveHeapTrend,
    List<GcAdvice> advice,
    String source,
    double spanSeconds,
    Double cyclesPerMinute,
    Integer gcCpuPercent,
    Double windowCpuPercent,
    Double assistPercent,
    long maxGoalMB,
    Long gomemlimitMB,
    Double goalToLimitPercent,
    int gogc,
    String gogcSource,
    int forcedCycles,
    int leakCheckCycles,
    double scavengerReleasedMB,
    long otherLines,
    long interleavedLines,
    List<GcCycleRow> table) {
  public GcReport {
    advice = List.copyOf(advice);
    table = List.copyOf(table);
    if (advice.isEmpty()) {
      throw new IllegalArgumentException("a report always gives advice, if only to keep settings");
    }
  }
}
