package dev.leakhound.analysis.trend;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a memory signal measures, which decides how its floor is found and what growth is too small
 * to matter. Signals that are already a floor (the heap right after a collection) are used as they
 * are; the others saw up and down between collections or with load, and their floor is taken as
 * rolling minima.
 *
 * <p>Immutable and thread-safe.
 */
public enum SignalKind {
  /** Live heap right after a GC: Go's gctrace/runtime metrics, a JVM heap after GC. */
  HEAP_AFTER_GC("heap_after_gc", Unit.BYTES, true, "heap after GC"),
  /** Heap in use sampled at any moment: saws between collections. */
  LIVE_HEAP("live_heap", Unit.BYTES, false, "live heap"),
  /** Go's next-GC goal: set at each collection in proportion to the live heap. */
  NEXT_GC_GOAL("next_gc", Unit.BYTES, true, "next-GC goal"),
  /** JVM old generation right after a (major or mixed) collection. */
  OLD_GEN_AFTER_GC("old_gen_after_gc", Unit.BYTES, true, "old generation after GC"),
  /** Resident set size of the process. */
  RSS("rss", Unit.BYTES, false, "resident memory"),
  /** Number of goroutines. */
  GOROUTINES("goroutines", Unit.COUNT, false, "goroutines"),
  /** Number of threads. */
  THREADS("threads", Unit.COUNT, false, "threads"),
  /** Open file descriptors. */
  FILE_DESCRIPTORS("fds", Unit.COUNT, false, "open file descriptors"),
  /** Live instances of one class (JVM histogram) or objects of one type. */
  INSTANCES("instances", Unit.COUNT, false, "instances");

  /** What a value counts. */
  public enum Unit {
    BYTES,
    COUNT
  }

  private final String id;
  private final Unit unit;
  private final boolean floor;
  private final String description;

  SignalKind(String id, Unit unit, boolean floor, String description) {
    this.id = id;
    this.unit = unit;
    this.floor = floor;
    this.description = description;
  }

  /** The name used in JSON, on the command line and in corpus labels. */
  @JsonValue
  public String id() {
    return id;
  }

  public Unit unit() {
    return unit;
  }

  /** True when every value is already a floor (taken right after a collection). */
  public boolean isFloor() {
    return floor;
  }

  /** Words for messages: "heap after GC". */
  public String description() {
    return description;
  }

  /** The kind with this {@link #id()}, or null. */
  public static SignalKind byId(String id) {
    for (SignalKind kind : values()) {
      if (kind.id.equalsIgnoreCase(id) || kind.name().equalsIgnoreCase(id)) {
        return kind;
      }
    }
    return null;
  }

  /**
   * Guesses the kind from a column or metric name ({@code heap_after_gc}, {@code go_goroutines},
   * {@code process_resident_memory_bytes}, ...); names it does not recognise are taken as a live
   * heap, whose floor extraction suits any gauge that saws.
   */
  public static SignalKind guess(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("old") && n.contains("after")) {
      return OLD_GEN_AFTER_GC;
    }
    if (n.contains("after_gc")
        || n.contains("aftergc")
        || n.contains("heap_floor")
        || n.equals("gc_heap_live")
        || n.contains("live_after")) {
      return HEAP_AFTER_GC;
    }
    if (n.contains("next_gc") || n.contains("gc_goal") || n.contains("heap_goal")) {
      return NEXT_GC_GOAL;
    }
    if (n.contains("rss") || n.contains("resident")) {
      return RSS;
    }
    if (n.contains("goroutine")) {
      return GOROUTINES;
    }
    if (n.contains("thread")) {
      return THREADS;
    }
    if (n.equals("fds") || n.contains("open_fds") || n.contains("file_descriptor")) {
      return FILE_DESCRIPTORS;
    }
    if (n.contains("instances") || n.contains("objects")) {
      return INSTANCES;
    }
    return LIVE_HEAP;
  }
}
