package dev.leakhound.analysis.trend;

import dev.leakhound.testkit.series.MemorySeries;

/** Builds engine inputs from synthetic series in tests. */
final class Inputs {
  static final double MIB = 1024 * 1024;

  private Inputs() {}

  /** The series' first column as {@code kind}, with the companions it has. */
  static TrendInput of(MemorySeries s, SignalKind kind) {
    TrendInput.Builder b =
        TrendInput.builder(kind, s.times(), s.column(s.columnNames().get(0)))
            .gcCycles(s.column("gc_cycles"))
            .requests(s.column("requests_total"))
            .processStarts(s.column("process_start"));
    return b.build();
  }

  static TrendInput of(MemorySeries s) {
    return of(s, SignalKind.HEAP_AFTER_GC);
  }
}
