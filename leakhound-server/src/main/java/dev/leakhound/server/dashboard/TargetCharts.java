package dev.leakhound.server.dashboard;

import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.SeriesData;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.watch.TargetRuntime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what the target page charts: the raw memory signal with its floor, goroutines, threads and
 * file descriptors, and GC activity as cycles per minute, each downsampled by the store to at most
 * {@code maxPoints} points and aligned on one time axis per chart, and the fitted growth lines of
 * the judged signals. Charts without any stored signal are left out.
 *
 * <p>Stateless and thread-safe. Cost: one range read per stored signal.
 */
public final class TargetCharts {
  private record Spec(Signal signal, String label, boolean shown) {}

  private static final List<Spec> MEMORY =
      List.of(
          new Spec(Signal.HEAP_ALLOC, "heap allocated (the GC sawtooth)", true),
          new Spec(Signal.HEAP_FLOOR, "floor: heap after GC", true),
          new Spec(Signal.HEAP_INUSE, "heap in use", false),
          new Spec(Signal.RSS, "resident memory", false));
  private static final List<Spec> COUNTS =
      List.of(
          new Spec(Signal.GOROUTINES, "goroutines", true),
          new Spec(Signal.THREADS, "threads", true),
          new Spec(Signal.OPEN_FDS, "open file descriptors", false));

  private TargetCharts() {}

  /** The charts of {@code rt} over {@code [from, to]}. */
  public static List<DashboardViews.Chart> read(
      Store store, TargetRuntime rt, long from, long to, int maxPoints, long rawSince)
      throws SQLException {
    Set<String> stored = new HashSet<>(store.samples().signals(rt.name()));
    List<DashboardViews.Chart> charts = new ArrayList<>();
    boolean heap =
        stored.contains(Signal.HEAP_FLOOR.id()) || stored.contains(Signal.HEAP_ALLOC.id());
    List<Spec> memory = new ArrayList<>();
    for (Spec s : MEMORY) {
      // Without heap signals (a process target) resident memory is the memory signal.
      memory.add(s.signal == Signal.RSS && !heap ? new Spec(s.signal, s.label, true) : s);
    }
    addChart(
        charts, store, rt, stored, "memory", "Memory", "bytes", memory, from, to, maxPoints,
        rawSince);
    addChart(
        charts,
        store,
        rt,
        stored,
        "counts",
        "Goroutines and threads",
        "count",
        COUNTS,
        from,
        to,
        maxPoints,
        rawSince);
    if (stored.contains(Signal.GC_CYCLES.id())) {
      SeriesData d =
          store.samples().range(rt.name(), Signal.GC_CYCLES, from, to, maxPoints, rawSince);
      ChartColumns c = ChartColumns.align(List.of(d), from);
      Double[] rate = ChartColumns.ratePerMinute(c.t(), c.v().get(0));
      charts.add(
          new DashboardViews.Chart(
              "gc",
              "GC activity",
              "per-minute",
              c.stepMillis(),
              c.t(),
              List.of(
                  new DashboardViews.Line(
                      "gc_per_minute", "GC cycles per minute", true, rate, null, null))));
    }
    return charts;
  }

  /**
   * The fitted growth lines of the latest verdicts of the charted signals: the memory floor (or
   * resident memory when there is no floor verdict), goroutines, threads and file descriptors;
   * signals not yet judged on any point are left out.
   */
  public static List<DashboardViews.Fit> fits(Store store, TargetRuntime rt, long rawSince)
      throws SQLException {
    var verdicts = rt.verdicts();
    List<Signal> signals = new ArrayList<>();
    signals.add(verdicts.containsKey(Signal.HEAP_FLOOR) ? Signal.HEAP_FLOOR : Signal.RSS);
    COUNTS.forEach(s -> signals.add(s.signal));
    List<DashboardViews.Fit> fits = new ArrayList<>();
    for (Signal signal : signals) {
      SignalVerdict v = verdicts.get(signal);
      if (v == null || v.points() == 0) {
        continue;
      }
      SeriesData judged =
          store.samples().range(rt.name(), signal, v.fromMillis(), v.toMillis(), 2000, rawSince);
      DashboardViews.Fit fit = GrowthLine.of(v, judged);
      if (fit != null) {
        fits.add(fit);
      }
    }
    return fits;
  }

  private static void addChart(
      List<DashboardViews.Chart> charts,
      Store store,
      TargetRuntime rt,
      Set<String> stored,
      String id,
      String title,
      String unit,
      List<Spec> specs,
      long from,
      long to,
      int maxPoints,
      long rawSince)
      throws SQLException {
    List<Spec> present = specs.stream().filter(s -> stored.contains(s.signal.id())).toList();
    if (present.isEmpty()) {
      return;
    }
    List<SeriesData> data = new ArrayList<>();
    for (Spec s : present) {
      data.add(store.samples().range(rt.name(), s.signal, from, to, maxPoints, rawSince));
    }
    ChartColumns c = ChartColumns.align(data, from);
    List<DashboardViews.Line> lines = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      Spec s = present.get(i);
      lines.add(
          new DashboardViews.Line(
              s.signal.id(), s.label, s.shown, c.v().get(i), c.min().get(i), c.max().get(i)));
    }
    charts.add(new DashboardViews.Chart(id, title, unit, c.stepMillis(), c.t(), lines));
  }
}
