package dev.leakhound.analysis.jvm;

import dev.leakhound.formats.jvm.GcCollection;
import dev.leakhound.formats.jvm.GcKind;
import dev.leakhound.formats.jvm.GcLog;
import dev.leakhound.formats.jvm.GcNotice;
import dev.leakhound.formats.jvm.GcPause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses a JVM unified GC log: pause statistics (overall, by type, by cause), concurrent cycles,
 * stalls, the heap floor over time judged by a {@link HeapFloorJudge}, and tuning advice ({@link
 * GcAdviser}).
 *
 * <p>The floor is the most exact series the log offers: ZGC's live bytes after marking when at
 * least five collections report them; else, for the other collectors, the heap after full and mixed
 * collections when there are at least five (they clean the old generation); else the heap after
 * every collection, which still saws between old collections, so the judge is told to take its
 * lower envelope.
 *
 * <p>Stateless and thread-safe. Cost: O(collections log collections).
 */
public final class GcLogAnalyzer {
  private static final int MIN_EXACT_POINTS = 5;

  private GcLogAnalyzer() {}

  /** Analyses {@code log}, read from {@code source}, judging its floor with {@code judge}. */
  public static GcLogAnalysis analyze(String source, GcLog log, HeapFloorJudge judge) {
    List<GcCollection> all = log.collections();
    GcCounts counts = counts(all);
    List<Double> pauses = new ArrayList<>();
    Map<String, List<Double>> byType = new LinkedHashMap<>();
    Map<String, List<Double>> byCause = new LinkedHashMap<>();
    List<Double> cycles = new ArrayList<>();
    double first = Double.NaN;
    double last = Double.NaN;
    for (GcCollection c : all) {
      for (GcPause p : c.pauses()) {
        pauses.add(p.durationMillis());
        byType.computeIfAbsent(p.type(), k -> new ArrayList<>()).add(p.durationMillis());
        // Remark and Cleanup name no cause: they belong to their cycle.
        String cause = p.cause() != null ? p.cause() : c.cause() != null ? c.cause() : c.name();
        byCause.computeIfAbsent(cause, k -> new ArrayList<>()).add(p.durationMillis());
      }
      if (c.kind() == GcKind.CONCURRENT && !Double.isNaN(c.durationMillis())) {
        cycles.add(c.durationMillis());
      }
      if (!Double.isNaN(c.startSeconds())) {
        first = Double.isNaN(first) ? c.startSeconds() : Math.min(first, c.startSeconds());
        last = Double.isNaN(last) ? c.endSeconds() : Math.max(last, c.endSeconds());
      }
    }
    List<Double> stalls = new ArrayList<>();
    for (GcNotice n : log.notices()) {
      if (n.kind() == GcNotice.Kind.ALLOCATION_STALL && !Double.isNaN(n.durationMillis())) {
        stalls.add(n.durationMillis());
      }
    }
    DurationStats pauseStats = DurationStats.of("all pauses", toArray(pauses));
    Double span = Double.isNaN(first) ? null : round(last - first);
    Double gcTime = span == null || span <= 0 ? null : round(pauseStats.totalMillis() / 10 / span);
    HeapFloor floor = floor(log, judge);
    GcLogAnalysis analysis =
        new GcLogAnalysis(
            source,
            log.collector(),
            log.jvmVersion(),
            log.maxHeapBytes(),
            log.timeBase(),
            span,
            counts,
            pauseStats,
            gcTime,
            grouped(byType),
            grouped(byCause),
            DurationStats.of("concurrent cycles", toArray(cycles)),
            DurationStats.of("allocation stalls", toArray(stalls)),
            floor,
            List.of(),
            floor.verdict().isLeak());
    return analysis.withAdvice(GcAdviser.advise(log, analysis));
  }

  private static GcCounts counts(List<GcCollection> all) {
    int young = 0;
    int mixed = 0;
    int full = 0;
    int degenerated = 0;
    int concurrent = 0;
    for (GcCollection c : all) {
      switch (c.kind()) {
        case YOUNG -> young++;
        case MIXED -> mixed++;
        case FULL -> full++;
        case DEGENERATED -> degenerated++;
        case CONCURRENT -> concurrent++;
      }
    }
    return new GcCounts(all.size(), young, mixed, full, degenerated, concurrent);
  }

  /** The floor series on the most exact basis the log offers, judged. */
  static HeapFloor floor(GcLog log, HeapFloorJudge judge) {
    List<GcCollection> live = new ArrayList<>();
    List<GcCollection> oldCleaning = new ArrayList<>();
    List<GcCollection> every = new ArrayList<>();
    for (GcCollection c : log.collections()) {
      if (c.liveBytes() >= 0) {
        live.add(c);
      }
      if (c.heapAfterBytes() >= 0) {
        every.add(c);
        if (c.kind() == GcKind.FULL || c.kind() == GcKind.MIXED) {
          oldCleaning.add(c);
        }
      }
    }
    String basis;
    List<GcCollection> chosen;
    if (live.size() >= MIN_EXACT_POINTS) {
      basis = "live";
      chosen = live;
    } else if (oldCleaning.size() >= MIN_EXACT_POINTS) {
      basis = "after-full-and-mixed";
      chosen = oldCleaning;
    } else {
      basis = "after-every-collection";
      chosen = every;
    }
    boolean timed = !"none".equals(log.timeBase());
    List<GcCollection> ordered = new ArrayList<>(chosen);
    if (timed) {
      ordered.sort(Comparator.comparingDouble(GcCollection::endSeconds));
    }
    List<FloorPoint> points = new ArrayList<>(ordered.size());
    double[] times = new double[ordered.size()];
    double[] bytes = new double[ordered.size()];
    long min = -1;
    long max = -1;
    for (int i = 0; i < ordered.size(); i++) {
      GcCollection c = ordered.get(i);
      long b = "live".equals(basis) ? c.liveBytes() : c.heapAfterBytes();
      double t = timed ? c.endSeconds() : i;
      // Two collections can end within the log's resolution: keep times strictly increasing.
      times[i] = i > 0 && t <= times[i - 1] ? times[i - 1] + 1e-3 : t;
      bytes[i] = b;
      min = min < 0 ? b : Math.min(min, b);
      max = Math.max(max, b);
      points.add(new FloorPoint(c.gcId(), timed ? round(t) : null, b, c.heapCommittedBytes()));
    }
    FloorVerdict verdict;
    if (!timed) {
      verdict =
          new FloorVerdict(
              "insufficient-data",
              null,
              null,
              "The log has no time decoration, so growth over time cannot be measured: log"
                  + " with -Xlog:gc*:file=gc.log:time,uptime,level,tags.");
    } else {
      verdict =
          judge.judge(times, bytes, log.maxHeapBytes(), !"after-every-collection".equals(basis));
    }
    long lastBytes = points.isEmpty() ? -1 : points.get(points.size() - 1).bytes();
    Double share =
        log.maxHeapBytes() > 0 && lastBytes >= 0
            ? round((double) lastBytes / log.maxHeapBytes())
            : null;
    return new HeapFloor(
        basis,
        points.size(),
        points.isEmpty() ? -1 : points.get(0).bytes(),
        lastBytes,
        min,
        max,
        log.maxHeapBytes(),
        share,
        verdict,
        points);
  }

  private static List<DurationStats> grouped(Map<String, List<Double>> groups) {
    List<DurationStats> out = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : groups.entrySet()) {
      out.add(DurationStats.of(e.getKey(), toArray(e.getValue())));
    }
    out.sort(
        Comparator.comparingDouble((DurationStats s) -> -s.totalMillis())
            .thenComparing(DurationStats::key));
    return out;
  }

  private static double[] toArray(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
