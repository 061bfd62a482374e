package dev.leakhound.server.collect;

import dev.leakhound.formats.prometheus.Exposition;
import dev.leakhound.formats.prometheus.MetricSample;
import dev.leakhound.server.signal.Signal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the well-known metric names of client_golang ({@code go_*}), the Prometheus JVM clients
 * ({@code jvm_*}, old and new names) and the process collectors ({@code process_*}) onto {@link
 * Signal}s. The first name found wins, so the exact runtime/metrics series beat the memstats
 * approximations.
 *
 * <p>Stateless and thread-safe; cost linear in the exposition.
 */
public final class PrometheusSignals {
  /** GOMEMLIMIT's "no limit" is math.MaxInt64; anything near it means unlimited. */
  private static final double NO_LIMIT = 9.0e18;

  private PrometheusSignals() {}

  /** What one exposition says, before the heap floor is derived (see {@link GcFloorTracker}). */
  public record Reading(Map<Signal, Double> values, double liveHeap, double gogcPercent) {}

  /** Reads the known signals out of {@code e}, requests from the usual counters. */
  public static Reading read(Exposition e) {
    return read(e, null);
  }

  /**
   * Reads the known signals out of {@code e}; {@code requestsMetric} names the request counter (all
   * its series summed), or null to look for the usual ones.
   */
  public static Reading read(Exposition e, String requestsMetric) {
    Map<String, List<MetricSample>> s = e.samplesByName();
    Map<Signal, Double> v = new EnumMap<>(Signal.class);
    put(v, Signal.HEAP_INUSE, first(s, "go_memstats_heap_inuse_bytes"));
    putIfAbsent(v, Signal.HEAP_INUSE, sumWhere(s, "jvm_memory_used_bytes", "area", "heap"));
    putIfAbsent(v, Signal.HEAP_INUSE, sumWhere(s, "jvm_memory_bytes_used", "area", "heap"));
    put(v, Signal.HEAP_ALLOC, first(s, "go_memstats_heap_alloc_bytes"));
    put(v, Signal.HEAP_GOAL, first(s, "go_gc_heap_goal_bytes"));
    putIfAbsent(v, Signal.HEAP_GOAL, first(s, "go_memstats_next_gc_bytes"));
    put(v, Signal.GOROUTINES, first(s, "go_goroutines"));
    putIfAbsent(v, Signal.GOROUTINES, first(s, "go_sched_goroutines_goroutines"));
    put(v, Signal.THREADS, first(s, "jvm_threads_live_threads"));
    putIfAbsent(v, Signal.THREADS, first(s, "jvm_threads_current"));
    putIfAbsent(v, Signal.THREADS, first(s, "go_threads"));
    put(v, Signal.RSS, first(s, "process_resident_memory_bytes"));
    put(v, Signal.OPEN_FDS, first(s, "process_open_fds"));
    put(v, Signal.GC_CYCLES, first(s, "go_gc_cycles_total_gc_cycles_total"));
    putIfAbsent(v, Signal.GC_CYCLES, first(s, "go_gc_duration_seconds_count"));
    putIfAbsent(v, Signal.GC_CYCLES, sum(s, "jvm_gc_collection_seconds_count"));
    double limit = first(s, "go_gc_gomemlimit_bytes");
    if (!(limit > 0 && limit < NO_LIMIT)) {
      limit = positive(sumWhere(s, "jvm_memory_max_bytes", "area", "heap"));
      if (Double.isNaN(limit)) {
        limit = positive(sumWhere(s, "jvm_memory_bytes_max", "area", "heap"));
      }
    }
    put(v, Signal.MEMORY_LIMIT, limit > 0 && limit < NO_LIMIT ? limit : Double.NaN);
    put(v, Signal.START_TIME, first(s, "process_start_time_seconds"));
    put(v, Signal.REQUESTS, requestsMetric != null ? sum(s, requestsMetric) : requests(s));
    double live = first(s, "go_gc_heap_live_bytes");
    if (Double.isNaN(live)) {
      live = sum(s, "jvm_memory_pool_collection_used_bytes");
    }
    if (Double.isNaN(live)) {
      live = sum(s, "jvm_memory_pool_bytes_collection_used");
    }
    double gogc = first(s, "go_gc_gogc_percent");
    return new Reading(v, live, Double.isNaN(gogc) ? 100 : gogc);
  }

  /**
   * The request counter by convention: client_golang's {@code <namespace>_http_requests_total} (or
   * plain {@code http_requests_total}), Micrometer's {@code http_server_requests_seconds_count}.
   * The first such name, alphabetically, summed over its series.
   */
  private static double requests(Map<String, List<MetricSample>> s) {
    String best = null;
    for (String name : s.keySet()) {
      boolean conventional =
          name.endsWith("http_requests_total")
              || name.equals("http_server_requests_seconds_count")
              || name.equals("http_server_requests_total");
      if (conventional && (best == null || name.compareTo(best) < 0)) {
        best = name;
      }
    }
    return best == null ? Double.NaN : sum(s, best);
  }

  private static void put(Map<Signal, Double> v, Signal signal, double value) {
    if (!Double.isNaN(value)) {
      v.put(signal, value);
    }
  }

  private static void putIfAbsent(Map<Signal, Double> v, Signal signal, double value) {
    if (!v.containsKey(signal)) {
      put(v, signal, value);
    }
  }

  private static double first(Map<String, List<MetricSample>> s, String name) {
    List<MetricSample> list = s.get(name);
    return list == null || list.isEmpty() ? Double.NaN : list.get(0).value();
  }

  private static double sum(Map<String, List<MetricSample>> s, String name) {
    List<MetricSample> list = s.get(name);
    if (list == null || list.isEmpty()) {
      return Double.NaN;
    }
    double total = 0;
    for (MetricSample m : list) {
      total += m.value();
    }
    return total;
  }

  private static double sumWhere(
      Map<String, List<MetricSample>> s, String name, String label, String value) {
    List<MetricSample> list = s.get(name);
    if (list == null) {
      return Double.NaN;
    }
    double total = Double.NaN;
    for (MetricSample m : list) {
      if (value.equals(m.label(label))) {
        total = Double.isNaN(total) ? m.value() : total + m.value();
      }
    }
    return total;
  }

  private static double positive(double v) {
    return v > 0 ? v : Double.NaN;
  }
}
