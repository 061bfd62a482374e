package dev.leakhound.server.signal;

import java.util.Locale;

/**
 * The memory signals Leakhound stores per target, whatever the target kind calls them: a Go
 * service's {@code go_memstats_heap_inuse_bytes}, expvar's {@code HeapInuse} and a JVM's heap used
 * all become {@link #HEAP_INUSE}. Threshold rules, the API and the dashboard use these names.
 *
 * <p>Immutable. New kinds (JVM) add constants here rather than inventing names per collector.
 */
public enum Signal {
  /**
   * The heap after the last garbage collection: the floor of the GC sawtooth and the signal a leak
   * shows in. Go: {@code go_gc_heap_live_bytes}, or next_gc / (1 + GOGC/100) at each new cycle.
   */
  HEAP_FLOOR("heap_floor_bytes", Unit.BYTES, "heap after GC (the floor of the sawtooth)"),
  /** Heap spans in use (Go HeapInuse; JVM heap used). */
  HEAP_INUSE("heap_inuse_bytes", Unit.BYTES, "heap in use"),
  /** Bytes of live and not-yet-swept objects (Go HeapAlloc): the sawtooth itself. */
  HEAP_ALLOC("heap_alloc_bytes", Unit.BYTES, "heap allocated"),
  /** The heap size at which the next GC starts (Go NextGC). */
  HEAP_GOAL("heap_goal_bytes", Unit.BYTES, "heap goal of the next GC"),
  /** Goroutines alive. */
  GOROUTINES("goroutines", Unit.COUNT, "goroutines"),
  /** OS threads of the process. */
  THREADS("threads", Unit.COUNT, "threads"),
  /** Resident set size of the process. */
  RSS("rss_bytes", Unit.BYTES, "resident memory"),
  /** Open file descriptors. */
  OPEN_FDS("open_fds", Unit.COUNT, "open file descriptors"),
  /** Completed GC cycles (a counter). */
  GC_CYCLES("gc_cycles", Unit.COUNT, "GC cycles completed"),
  /** The memory limit the runtime knows (GOMEMLIMIT, -Xmx); absent when unlimited. */
  MEMORY_LIMIT("memory_limit_bytes", Unit.BYTES, "memory limit"),
  /** Process start time, seconds since the epoch: a change means a restart. */
  START_TIME("start_time_seconds", Unit.SECONDS, "process start time"),
  /**
   * Requests served so far (a counter): the load the verdict engine's load guard compares growth
   * with. From {@code requestsMetric}, else the sum of a {@code *http_requests_total} or {@code
   * http_server_requests_seconds_count} family.
   */
  REQUESTS("requests_total", Unit.COUNT, "requests served");

  /** How a signal's values are measured. */
  public enum Unit {
    BYTES,
    COUNT,
    SECONDS
  }

  private final String id;
  private final Unit unit;
  private final String description;

  Signal(String id, Unit unit, String description) {
    this.id = id;
    this.unit = unit;
    this.description = description;
  }

  /** The stable name used in configuration, the API and metrics: {@code heap_floor_bytes}. */
  public String id() {
    return id;
  }

  public Unit unit() {
    return unit;
  }

  /** A short noun phrase for messages. */
  public String description() {
    return description;
  }

  /** The signal named {@code id}, or null. */
  public static Signal byId(String id) {
    for (Signal s : values()) {
      if (s.id.equals(id) || s.name().equals(id.toUpperCase(Locale.ROOT))) {
        return s;
      }
    }
    return null;
  }

  /** Every id, comma-separated, for messages. */
  public static String ids() {
    StringBuilder sb = new StringBuilder();
    for (Signal s : values()) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(s.id);
    }
    return sb.toString();
  }
}
