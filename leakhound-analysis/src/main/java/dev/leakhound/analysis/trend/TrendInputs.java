package dev.leakhound.analysis.trend;

import dev.leakhound.formats.csv.CsvSeries;
import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link TrendInput} from a signals CSV: picks the signal column (the one asked for, else
 * the best floor it finds), recognises companion columns by name (a GC cycle counter, the process
 * start time, a request counter, a limit) and guesses the signal's kind from its name.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrendInputs {
  /** Signal columns in order of preference when none is named: floors first. */
  private static final List<String> PREFERRED =
      List.of(
          "heap_after_gc",
          "heap_live_after_gc",
          "live_heap_after_gc",
          "gc_heap_live",
          "old_gen_after_gc",
          "heap_live",
          "live_heap",
          "heap_inuse",
          "heap_alloc",
          "heap_used",
          "next_gc",
          "rss",
          "goroutines",
          "threads");

  private static final List<String> GC_COUNTERS =
      List.of("gc_cycles", "gc_count", "num_gc", "gcs", "gc_total", "gc_cycles_total");
  private static final List<String> PROCESS_STARTS =
      List.of("process_start", "process_start_time_seconds", "start_time", "process_start_time");
  private static final List<String> REQUESTS =
      List.of("requests_total", "requests", "http_requests_total", "served_requests");
  private static final List<String> LIMITS =
      List.of("limit", "memory_limit", "gomemlimit", "heap_max", "max_heap", "xmx", "limit_bytes");

  private TrendInputs() {}

  /** True when a column is a companion (counter, start time, limit), not a signal. */
  public static boolean isCompanion(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    return GC_COUNTERS.contains(c)
        || PROCESS_STARTS.contains(c)
        || REQUESTS.contains(c)
        || LIMITS.contains(c);
  }

  /**
   * The column judged when none is named: the first preferred one present, else the first signal.
   */
  public static String defaultColumn(CsvSeries csv) {
    for (String name : PREFERRED) {
      if (csv.hasColumn(name)) {
        return csv.canonicalName(name);
      }
    }
    for (String name : csv.columns()) {
      if (!isCompanion(name)) {
        return name;
      }
    }
    return csv.columns().get(0);
  }

  /** The request-counter column found by name, or null. */
  public static String defaultLoadColumn(CsvSeries csv) {
    return first(csv, REQUESTS);
  }

  /**
   * The input for {@code column} of {@code csv}.
   *
   * @param kind the signal kind, or null to guess it from the column name
   * @param loadColumn a cumulative request counter column, or null for none
   * @param limit the limit in the signal's unit; NaN takes the last value of a limit column if
   *     there is one
   */
  public static TrendInput fromCsv(
      CsvSeries csv, String column, SignalKind kind, String loadColumn, double limit) {
    SignalKind k = kind != null ? kind : SignalKind.guess(column);
    TrendInput.Builder b = TrendInput.builder(k, csv.times(), csv.column(column));
    String gc = first(csv, GC_COUNTERS);
    if (gc != null) {
      b.gcCycles(csv.column(gc));
    }
    String start = first(csv, PROCESS_STARTS);
    if (start != null) {
      b.processStarts(csv.column(start));
    }
    if (loadColumn != null) {
      b.requests(csv.column(loadColumn));
    }
    double l = limit;
    String limitColumn = first(csv, LIMITS);
    if (Double.isNaN(l) && limitColumn != null) {
      double[] values = csv.column(limitColumn);
      for (int i = values.length - 1; i >= 0 && Double.isNaN(l); i--) {
        if (values[i] > 0) {
          l = values[i];
        }
      }
    }
    return b.limit(l).build();
  }

  private static String first(CsvSeries csv, List<String> names) {
    for (String name : names) {
      if (csv.hasColumn(name)) {
        return csv.canonicalName(name);
      }
    }
    return null;
  }
}
