package dev.leakhound.analysis.gctrace;

import dev.leakhound.formats.gctrace.GcCycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GOGC/GOMEMLIMIT advice from a trace's figures, most important first. The rules, each with the
 * reason it prints:
 *
 * <ol>
 *   <li>the live heap reached GOMEMLIMIT: the GC runs back to back; raise the limit or find what
 *       holds the memory;
 *   <li>the live heap grows (trend engine): no setting fixes a leak; find it;
 *   <li>the heap goal came within {@value #GOAL_NEAR_LIMIT_PERCENT}% of GOMEMLIMIT: cycles come
 *       faster as the live heap nears the limit; raise it if the machine allows;
 *   <li>GC CPU above {@value #HIGH_GC_CPU_PERCENT}% with a small live heap (under a quarter of the
 *       limit, or under {@value #SMALL_HEAP_MB} MiB without one): raise GOGC, by the factor that
 *       brings GC CPU to about {@value #TARGET_GC_CPU_PERCENT}%, and set GOMEMLIMIT as a ceiling
 *       when there is none; with a large live heap: allocate less;
 *   <li>mutator assists above {@value #HIGH_ASSIST_PERCENT}% of GC CPU: allocation bursts outrun
 *       the background marking;
 *   <li>runtime.GC() forcing {@value #FORCED_PERCENT}% of cycles or more: drop the calls;
 *   <li>otherwise: keep the settings.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
final class GcAdvisor {
  static final int HIGH_GC_CPU_PERCENT = 10;
  static final int TARGET_GC_CPU_PERCENT = 5;
  static final int SMALL_HEAP_MB = 256;
  static final int GOAL_NEAR_LIMIT_PERCENT = 90;
  static final int HIGH_ASSIST_PERCENT = 30;
  static final int FORCED_PERCENT = 10;
  static final int MAX_SUGGESTED_GOGC = 800;

  /** The figures the rules read. */
  record Figures(
      int cycles,
      Double cyclesPerMinute,
      Integer runtimeCpuPercent,
      Double windowCpuPercent,
      Double assistPercent,
      long maxGoalMB,
      Long limitMB,
      int gogc,
      int forcedCycles,
      LiveHeapTrend trend) {}

  List<GcAdvice> advise(Figures f, List<GcCycle> cycles) {
    List<GcAdvice> out = new ArrayList<>();
    if (f.cycles() == 0) {
      out.add(
          new GcAdvice(
              "no-gc-lines",
              "Run the program with GODEBUG=gctrace=1 and give its standard error",
              "GODEBUG=gctrace=1",
              "the log holds no gc lines"));
      return out;
    }
    GcCycle last = cycles.get(cycles.size() - 1);
    long live = recentMaxLive(cycles);
    double cpu = gcCpu(f);
    if (f.limitMB() != null && live >= f.limitMB()) {
      out.add(
          new GcAdvice(
              "live-heap-over-limit",
              "Raise GOMEMLIMIT above the live heap, or find what holds the memory",
              "GOMEMLIMIT=" + suggestLimitMiB(live) + "MiB",
              String.format(
                  Locale.ROOT,
                  "the live heap reached %d MiB, at or over GOMEMLIMIT=%d MiB: the GC runs back"
                      + " to back and cannot get under the limit",
                  live,
                  f.limitMB())));
    }
    if (f.trend().grows()) {
      out.add(
          new GcAdvice(
              "find-the-leak",
              "Find what grows before tuning the GC: compare two heap profiles"
                  + " (leakhound pprof diff BASE CURRENT)",
              null,
              "the live heap after GC grows"
                  + (f.trend().slopeMBPerHour() == null
                      ? ""
                      : String.format(
                          Locale.ROOT, " by about %.1f MiB/h", f.trend().slopeMBPerHour()))
                  + " ("
                  + f.trend().verdict()
                  + "): GOGC and GOMEMLIMIT only change how often the GC runs, not what stays"
                  + " live"));
    }
    if (f.limitMB() != null
        && live < f.limitMB()
        && f.maxGoalMB() * 100 >= (long) GOAL_NEAR_LIMIT_PERCENT * f.limitMB()) {
      out.add(
          new GcAdvice(
              "goal-near-limit",
              "Raise GOMEMLIMIT if the machine has the memory, or lower the live heap",
              "GOMEMLIMIT=" + suggestLimitMiB(live) + "MiB",
              String.format(
                  Locale.ROOT,
                  "the heap goal reached %d MiB, %d%% of GOMEMLIMIT=%d MiB, with %d MiB live:"
                      + " near the limit the GC runs more and more often, and at the limit it"
                      + " runs continuously",
                  f.maxGoalMB(),
                  Math.round(100.0 * f.maxGoalMB() / f.limitMB()),
                  f.limitMB(),
                  live)));
    }
    if (cpu > HIGH_GC_CPU_PERCENT) {
      boolean small = f.limitMB() == null ? live < SMALL_HEAP_MB : live * 4 <= f.limitMB();
      if (small) {
        int suggested = suggestGogc(f.gogc(), cpu);
        long peakNow = peak(live, f.gogc());
        long peakThen = peak(live, suggested);
        out.add(
            new GcAdvice(
                "raise-gogc",
                "Raise GOGC so the GC runs less often",
                "GOGC=" + suggested,
                String.format(
                    Locale.ROOT,
                    "GC takes %.1f%% of CPU%s with only %d MiB live: cycles are cheap but come"
                        + " often; GOGC=%d (now %d) spaces them about %.1fx further apart for a"
                        + " peak heap of about %d MiB (now about %d MiB)",
                    cpu,
                    f.cyclesPerMinute() == null
                        ? ""
                        : String.format(Locale.ROOT, " (%.1f cycles/min)", f.cyclesPerMinute()),
                    live,
                    suggested,
                    f.gogc(),
                    (double) suggested / f.gogc(),
                    peakThen,
                    peakNow)));
        if (f.limitMB() == null) {
          out.add(
              new GcAdvice(
                  "set-gomemlimit",
                  "Set GOMEMLIMIT to about 90% of the memory the process may use (its container"
                      + " limit), as a ceiling for the larger GOGC",
                  "GOMEMLIMIT=<90% of the container limit>",
                  "with a higher GOGC the heap may grow to about "
                      + peak(live, suggested)
                      + " MiB; GOMEMLIMIT makes the GC run earlier instead of letting a load"
                      + " spike push the process out of memory"));
        }
      } else {
        out.add(
            new GcAdvice(
                "allocate-less",
                "Allocate less per request: find the allocation sites"
                    + " (go tool pprof -sample_index=alloc_space)",
                null,
                String.format(
                    Locale.ROOT,
                    "GC takes %.1f%% of CPU with %d MiB live%s: there is no headroom left to"
                        + " raise GOGC, so only fewer allocations lower the GC's cost",
                    cpu,
                    live,
                    f.limitMB() == null ? "" : " of GOMEMLIMIT=" + f.limitMB() + " MiB")));
      }
    }
    if (f.assistPercent() != null
        && f.assistPercent() > HIGH_ASSIST_PERCENT
        && cpu > TARGET_GC_CPU_PERCENT) {
      out.add(
          new GcAdvice(
              "high-assists",
              "Smooth allocation bursts, or give the GC more headroom (a higher GOGC or"
                  + " GOMEMLIMIT) so background marking keeps up",
              null,
              String.format(
                  Locale.ROOT,
                  "mutator assists do %.0f%% of the GC's CPU work: goroutines that allocate are"
                      + " made to mark, which adds latency to requests",
                  f.assistPercent())));
    }
    if (f.forcedCycles() >= 3 && f.forcedCycles() * 100 >= FORCED_PERCENT * f.cycles()) {
      out.add(
          new GcAdvice(
              "drop-forced-gc",
              "Remove explicit runtime.GC() (and debug.FreeOSMemory()) calls",
              null,
              f.forcedCycles()
                  + " of "
                  + f.cycles()
                  + " cycles were forced: forced cycles stop the program's work and rarely free"
                  + " more than the pacer would"));
    }
    if (out.isEmpty()) {
      String trend =
          switch (f.trend().verdict()) {
            case "not-judged" ->
                String.format(
                    Locale.ROOT,
                    "; the live heap went from %d to %d MiB, and no trend engine judged whether"
                        + " that is a leak",
                    f.trend().firstMB(),
                    f.trend().lastMB());
            case "insufficient-data" ->
                String.format(
                    Locale.ROOT,
                    "; the live heap went from %d to %d MiB, over too short a trace for a trend"
                        + " verdict",
                    f.trend().firstMB(),
                    f.trend().lastMB());
            default -> "; the live heap after GC does not grow (" + f.trend().verdict() + ")";
          };
      out.add(
          new GcAdvice(
              "keep-settings",
              "Keep GOGC and GOMEMLIMIT as they are",
              null,
              String.format(
                      Locale.ROOT,
                      "GC takes %.1f%% of CPU%s, the live heap is %d MiB and the largest goal %d"
                          + " MiB%s",
                      cpu,
                      f.cyclesPerMinute() == null
                          ? ""
                          : String.format(Locale.ROOT, " at %.1f cycles/min", f.cyclesPerMinute()),
                      last.liveHeapMB(),
                      f.maxGoalMB(),
                      f.limitMB() == null
                          ? ""
                          : String.format(
                              Locale.ROOT,
                              " (%d%% of GOMEMLIMIT)",
                              Math.round(100.0 * f.maxGoalMB() / f.limitMB())))
                  + trend));
    }
    return out;
  }

  /** The GC's CPU share: over the trace window when known, else the runtime's own figure. */
  private static double gcCpu(Figures f) {
    if (f.windowCpuPercent() != null) {
      return f.windowCpuPercent();
    }
    return f.runtimeCpuPercent() == null ? 0 : f.runtimeCpuPercent();
  }

  /** The largest live heap over the last quarter of the cycles: the current floor. */
  private static long recentMaxLive(List<GcCycle> cycles) {
    long max = 0;
    for (int i = cycles.size() - Math.max(1, cycles.size() / 4); i < cycles.size(); i++) {
      max = Math.max(max, cycles.get(i).liveHeapMB());
    }
    return max;
  }

  /** GC CPU is about inversely proportional to GOGC at a given allocation rate. */
  static int suggestGogc(int gogc, double cpu) {
    double factor = cpu / TARGET_GC_CPU_PERCENT;
    int suggested = (int) Math.ceil(gogc * factor / 50.0) * 50;
    return Math.min(MAX_SUGGESTED_GOGC, Math.max(gogc + 50, suggested));
  }

  /** The heap peaks near live * (1 + GOGC/100). */
  static long peak(long liveMB, int gogc) {
    return Math.max(4, Math.round(liveMB * (1 + gogc / 100.0)));
  }

  /** Room for the live heap to double, rounded up to 64 MiB. */
  static long suggestLimitMiB(long liveMB) {
    return ((liveMB * 2 + 63) / 64) * 64;
  }
}
