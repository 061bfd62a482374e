package dev.leakhound.analysis.jvm;

import dev.leakhound.formats.jvm.GcCollection;
import dev.leakhound.formats.jvm.GcKind;
import dev.leakhound.formats.jvm.GcLog;
import dev.leakhound.formats.jvm.GcNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tuning advice from a GC log: each rule looks for one thing that costs latency or ends in an
 * OutOfMemoryError (full collections, G1's evacuation failures and humongous allocations, a floor
 * near the maximum heap, ZGC's stalls, Shenandoah's degenerated cycles, explicit and metaspace
 * collections, long pauses, GC overhead, a growing floor) and says what to change, with the figures
 * that triggered it.
 *
 * <p>Stateless and thread-safe.
 */
final class GcAdviser {
  /** Collections asked for by tools or code: not a sign of heap pressure. */
  private static final Set<String> REQUESTED =
      Set.of(
          "System.gc()",
          "Heap Inspection Initiated GC",
          "Heap Dump Initiated GC",
          "Diagnostic Command",
          "WhiteBox Initiated Full GC",
          "WhiteBox Initiated Young GC");

  private static final double NEAR_MAX = 0.8;
  private static final double OVERHEAD_PERCENT = 10;

  private GcAdviser() {}

  static List<GcAdvice> advise(GcLog log, GcLogAnalysis a) {
    List<GcAdvice> warnings = new ArrayList<>();
    List<GcAdvice> infos = new ArrayList<>();
    String collector = log.collector() == null ? "" : log.collector();
    fullCollections(log, a, collector, warnings);
    evacuationFailures(log, warnings);
    degenerated(log, warnings);
    allocationStalls(log, a, warnings);
    nearMax(a, warnings);
    overhead(a, warnings);
    floorGrowth(a, warnings);
    humongous(log, infos);
    explicit(log, infos);
    metaspace(log, infos);
    longPauses(a, collector, infos);
    List<GcAdvice> out = new ArrayList<>(warnings);
    out.addAll(infos);
    return out;
  }

  private static void fullCollections(
      GcLog log, GcLogAnalysis a, String collector, List<GcAdvice> out) {
    int n = 0;
    double millis = 0;
    Set<String> causes = new TreeSet<>();
    for (GcCollection c : log.collections()) {
      if (c.kind() == GcKind.FULL && !REQUESTED.contains(c.cause())) {
        n++;
        millis += c.pauseMillis();
        causes.add(c.cause() == null ? "unknown" : c.cause());
      }
    }
    if (n == 0) {
      return;
    }
    String action =
        switch (collector) {
          case "G1" ->
              "G1 falls back to a stop-the-world compaction of the whole heap when it cannot"
                  + " reclaim space in time: give it more heap (-Xmx), start marking earlier"
                  + " (-XX:InitiatingHeapOccupancyPercent), and check the heap floor: a leak"
                  + " ends in back-to-back full collections.";
          case "Shenandoah" ->
              "Shenandoah gave up on concurrent collection: give it more free heap (-Xmx) and"
                  + " check the heap floor: a leak ends in back-to-back full collections.";
          default ->
              "The old generation filled up: give the heap more room (-Xmx, or a larger old"
                  + " generation with -XX:NewRatio) and check the heap floor: a leak ends in"
                  + " back-to-back full collections.";
        };
    out.add(
        new GcAdvice(
            "full-gc",
            "warning",
            String.format(
                Locale.ROOT,
                "%d full collection%s (cause%s %s) paused for %s, %s of all pause time.",
                n,
                n == 1 ? "" : "s",
                causes.size() == 1 ? "" : "s",
                String.join(", ", causes),
                Units.millis(millis),
                percent(millis, a.pauses().totalMillis())),
            action));
  }

  private static void evacuationFailures(GcLog log, List<GcAdvice> out) {
    int n = 0;
    for (GcCollection c : log.collections()) {
      for (String f : c.failures()) {
        if (f.startsWith("To-space exhausted") || f.startsWith("Evacuation Failure")) {
          n++;
          break;
        }
      }
    }
    if (n > 0) {
      out.add(
          new GcAdvice(
              "evacuation-failure",
              "warning",
              n
                  + " G1 collection"
                  + (n == 1 ? "" : "s")
                  + " found no free region to copy live objects into (to-space exhausted,"
                  + " evacuation failure): slow pauses that often end in a full collection.",
              "Give G1 room to copy into: raise -Xmx or -XX:G1ReservePercent (default 10), or"
                  + " start marking earlier (-XX:InitiatingHeapOccupancyPercent); if the heap"
                  + " floor grows, fix the leak first."));
    }
  }

  private static void degenerated(GcLog log, List<GcAdvice> out) {
    int degenerated = 0;
    int upgraded = 0;
    for (GcCollection c : log.collections()) {
      if (c.kind() == GcKind.DEGENERATED) {
        degenerated++;
      }
      if (c.failures().contains("Degenerated GC upgrading to Full GC")) {
        upgraded++;
      }
    }
    int failures = 0;
    for (GcNotice n : log.notices()) {
      if (n.kind() == GcNotice.Kind.ALLOCATION_FAILURE
          || (n.kind() == GcNotice.Kind.GC_CANCELLED && n.text().contains("Allocation Failure"))) {
        failures++;
      }
    }
    if (degenerated + upgraded + failures == 0) {
      return;
    }
    out.add(
        new GcAdvice(
            "degenerated",
            "warning",
            String.format(
                Locale.ROOT,
                "%d degenerated collection%s (%d upgraded to full) and %d allocation failure%s:"
                    + " Shenandoah ran out of free memory before its cycle finished.",
                degenerated,
                degenerated == 1 ? "" : "s",
                upgraded,
                failures,
                failures == 1 ? "" : "s"),
            "Give Shenandoah more free heap (-Xmx) so cycles finish before it runs out, and check"
                + " the heap floor: a growing live set leaves less room each cycle."));
  }

  private static void allocationStalls(GcLog log, GcLogAnalysis a, List<GcAdvice> out) {
    DurationStats stalls = a.allocationStalls();
    int relocation = 0;
    for (GcNotice n : log.notices()) {
      if (n.kind() == GcNotice.Kind.RELOCATION_STALL) {
        relocation++;
      }
    }
    if (stalls.count() == 0 && relocation == 0) {
      return;
    }
    out.add(
        new GcAdvice(
            "allocation-stall",
            "warning",
            String.format(
                Locale.ROOT,
                "%d allocation stall%s (%s in all, longest %s) and %d relocation stall%s:"
                    + " threads waited for ZGC to free memory.",
                stalls.count(),
                stalls.count() == 1 ? "" : "s",
                Units.millis(stalls.totalMillis()),
                Units.millis(stalls.maxMillis()),
                relocation,
                relocation == 1 ? "" : "s"),
            "Give ZGC headroom above the live set (-Xmx) or more concurrent GC threads"
                + " (-XX:ConcGCThreads); if the live set keeps growing, no headroom is enough."));
  }

  private static void nearMax(GcLogAnalysis a, List<GcAdvice> out) {
    HeapFloor f = a.heapAfterGc();
    if (f.lastShareOfMax() == null || f.lastShareOfMax() < NEAR_MAX) {
      return;
    }
    out.add(
        new GcAdvice(
            "heap-near-max",
            "warning",
            String.format(
                Locale.ROOT,
                "The heap after GC ends at %.0f%% of the maximum heap (%s of %s).",
                f.lastShareOfMax() * 100,
                Units.bytes(f.lastBytes()),
                Units.bytes(f.maxHeapBytes())),
            "Either the live set needs a larger heap (-Xmx) or it grows without bound: look at"
                + " the verdict on the floor and compare class histograms taken minutes apart"
                + " (leakhound histo diff)."));
  }

  private static void overhead(GcLogAnalysis a, List<GcAdvice> out) {
    if (a.gcTimePercent() == null || a.gcTimePercent() < OVERHEAD_PERCENT) {
      return;
    }
    out.add(
        new GcAdvice(
            "gc-overhead",
            "warning",
            String.format(
                Locale.ROOT,
                "Pauses took %.1f%% of the %.1f s the log covers.",
                a.gcTimePercent(),
                a.spanSeconds()),
            "The collector works too hard: the heap is small for the allocation rate and live"
                + " set (raise -Xmx), or a growing live set leaves less free space each time."));
  }

  private static void floorGrowth(GcLogAnalysis a, List<GcAdvice> out) {
    FloorVerdict v = a.heapAfterGc().verdict();
    if (!v.isLeak() && !"suspect".equals(v.verdict())) {
      return;
    }
    String slope =
        v.slopeBytesPerHour() == null
            ? ""
            : " by about " + Units.bytes(Math.round(v.slopeBytesPerHour())) + " per hour";
    out.add(
        new GcAdvice(
            "floor-growth",
            "warning",
            "The heap after GC grows" + slope + " (verdict: " + v.verdict() + ").",
            "Find what accumulates: compare class histograms taken minutes apart (jcmd PID"
                + " GC.class_histogram, then leakhound histo diff) or two heap dumps."));
  }

  private static void humongous(GcLog log, List<GcAdvice> out) {
    int started = 0;
    long maxRegions = 0;
    for (GcCollection c : log.collections()) {
      if (c.cause() != null && c.cause().contains("Humongous")) {
        started++;
      }
      maxRegions = Math.max(maxRegions, c.humongousRegionsAfter());
    }
    if (started == 0) {
      return;
    }
    String region =
        log.regionSizeBytes() > 0
            ? " (region size "
                + Units.bytes(log.regionSizeBytes())
                + ": objects of "
                + Units.bytes(log.regionSizeBytes() / 2)
                + " or more are humongous)"
            : "";
    out.add(
        new GcAdvice(
            "humongous-allocation",
            started * 10 >= log.collections().size() ? "warning" : "info",
            String.format(
                Locale.ROOT,
                "%d collection%s started by humongous allocations; up to %d region%s held"
                    + " humongous objects%s.",
                started,
                started == 1 ? " was" : "s were",
                maxRegions,
                maxRegions == 1 ? "" : "s",
                region),
            "Raise -XX:G1HeapRegionSize (a power of two: up to 32m, 512m from JDK 18) so these"
                + " objects fit in a region, or allocate large arrays in smaller chunks."));
  }

  private static void explicit(GcLog log, List<GcAdvice> out) {
    int n = 0;
    for (GcCollection c : log.collections()) {
      if (c.cause() != null
          && (c.cause().contains("System.gc()") || c.cause().equals("Diagnostic Command"))) {
        n++;
      }
    }
    if (n > 0) {
      out.add(
          new GcAdvice(
              "explicit-gc",
              "info",
              n + " collection" + (n == 1 ? " was" : "s were") + " asked for by System.gc().",
              "Find the caller (code, a library, RMI's distributed GC once an hour);"
                  + " -XX:+DisableExplicitGC ignores the calls, and on G1"
                  + " -XX:+ExplicitGCInvokesConcurrent makes them concurrent."));
    }
  }

  private static void metaspace(GcLog log, List<GcAdvice> out) {
    int n = 0;
    for (GcCollection c : log.collections()) {
      if (c.cause() != null && c.cause().startsWith("Metadata GC")) {
        n++;
      }
    }
    if (n > 0) {
      out.add(
          new GcAdvice(
              "metaspace",
              "info",
              n
                  + " collection"
                  + (n == 1 ? " was" : "s were")
                  + " started because class metadata reached its threshold.",
              "Raise -XX:MetaspaceSize to the application's steady metaspace use; if these keep"
                  + " coming, classes are loaded without end (a class-loader leak: redeploys,"
                  + " generated proxies)."));
    }
  }

  private static void longPauses(GcLogAnalysis a, String collector, List<GcAdvice> out) {
    DurationStats p = a.pauses();
    if (p.count() == 0) {
      return;
    }
    double goal;
    String action;
    switch (collector) {
      case "G1" -> {
        goal = 200;
        action =
            "G1 aims at -XX:MaxGCPauseMillis (200 ms by default): full collections and evacuation"
                + " failures aside, long young pauses copy many live objects; for pauses under"
                + " 10 ms, use ZGC.";
      }
      case "Z", "Shenandoah" -> {
        goal = 10;
        action =
            "Pauses of this collector should stay near a millisecond: long ones point at a"
                + " starved machine (CPU, swapping) or very many threads.";
      }
      default -> {
        goal = 1000;
        action =
            "This collector trades pauses for throughput: for shorter pauses use G1, or ZGC for"
                + " pauses under a millisecond.";
      }
    }
    if (p.maxMillis() <= goal) {
      return;
    }
    out.add(
        new GcAdvice(
            "long-pauses",
            "info",
            String.format(
                Locale.ROOT,
                "The longest pause took %s (p95 %s), above the %s this collector aims at.",
                Units.millis(p.maxMillis()),
                Units.millis(p.p95Millis()),
                Units.millis(goal)),
            action));
  }

  private static String percent(double part, double whole) {
    return whole <= 0 ? "all" : String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
  }
}
