package dev.leakhound.formats.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gathers what a log says under one {@code GC(n)} id, line by line, and decides at the end what the
 * collection was. Collectors spread a collection over many lines (a start line, phases, heap
 * tables, the summary) and interleave ids (a G1 young pause inside a marking cycle, a ZGC minor
 * collection inside a major one), so nothing is decided before the whole log is read.
 *
 * <p>Not thread-safe; owned by one reader.
 */
final class CollectionBuilder {
  /** Parenthesised words that say what kind of pause it is, not why it happened. */
  private static final Set<String> QUALIFIERS =
      Set.of(
          "Normal",
          "Concurrent Start",
          "Prepare Mixed",
          "Mixed",
          "Young",
          "Old",
          "Global",
          "unload classes",
          "process weakrefs",
          "update refs",
          "Major",
          "Minor",
          "Promote All",
          "Outside of Cycle",
          "Mark",
          "Evacuation",
          "Update Refs",
          "Roots");

  private static final Set<String> G1_YOUNG_TYPES =
      Set.of("Normal", "Concurrent Start", "Prepare Mixed", "Mixed");

  private final long gcId;
  private final long firstLine;
  private final double startSeconds;
  private double endSeconds;
  private final List<GcPause> pauses = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private String startName;
  private List<String> startGroups = List.of();
  private String collectionName;
  private String collectionCause;
  private double collectionMillis = Double.NaN;
  private String cycleName;
  private double cycleMillis = Double.NaN;
  private boolean concurrentPhases;
  private String otherName;
  private String trigger;
  private long before = -1;
  private long after = -1;
  private long committed = -1;
  private long zCommitted = -1;
  private long liveAll = -1;
  private long liveYoung = -1;
  private long liveOld = -1;
  private long humongousAfter = -1;

  CollectionBuilder(long gcId, long firstLine, double startSeconds) {
    this.gcId = gcId;
    this.firstLine = firstLine;
    this.startSeconds = startSeconds;
    this.endSeconds = startSeconds;
  }

  void seenAt(double seconds) {
    if (!Double.isNaN(seconds)) {
      endSeconds = Double.isNaN(endSeconds) ? seconds : Math.max(endSeconds, seconds);
    }
  }

  void trigger(String cause) {
    if (trigger == null) {
      trigger = cause;
    }
  }

  void failure(String what) {
    if (!failures.contains(what)) {
      failures.add(what);
    }
  }

  void humongousAfter(long regions) {
    humongousAfter = regions;
  }

  void zCapacity(long bytes) {
    zCommitted = bytes;
  }

  /** ZGC's live bytes at mark end; {@code generation} is 'y', 'o' or 0 (not generational). */
  void zLive(char generation, long bytes) {
    switch (Character.toLowerCase(generation)) {
      case 'y' -> liveYoung = bytes;
      case 'o' -> liveOld = bytes;
      default -> liveAll = bytes;
    }
  }

  /** One line in the event grammar; {@code generation} is 0 outside ZGC's generation prefix. */
  void event(GcEventLine e, char generation, long line, double seconds) {
    String name = e.name;
    boolean hasHeap = e.after >= 0;
    for (String g : e.groups) {
      if (g.startsWith("Evacuation Failure")) {
        failure(g);
      }
    }
    if (name.startsWith("Pause")) {
      if (Double.isNaN(e.durationMillis)) {
        if (startName == null) {
          startName = name;
          startGroups = List.copyOf(e.groups);
        }
        return;
      }
      pauses.add(
          new GcPause(
              name,
              type(name, e.groups),
              e.groups,
              cause(e.groups),
              e.durationMillis,
              seconds,
              line,
              e.before,
              e.after,
              e.committed));
      if (hasHeap) {
        heap(e);
      }
      return;
    }
    if (generation == 0
        && (name.equals("Garbage Collection")
            || name.equals("Minor Collection")
            || name.equals("Major Collection"))) {
      if (hasHeap) {
        collectionName = name;
        collectionCause = cause(e.groups);
        collectionMillis = e.durationMillis;
        before = e.before;
        after = e.after;
      } else if (startName == null) {
        startName = name;
        startGroups = List.copyOf(e.groups);
      }
      return;
    }
    if (name.startsWith("Concurrent") && name.endsWith("Cycle")) {
      cycleName = name;
      if (!Double.isNaN(e.durationMillis)) {
        cycleMillis = e.durationMillis;
      }
      return;
    }
    if (generation == 0 && (name.startsWith("Concurrent") || !Double.isNaN(e.durationMillis))) {
      // Shenandoah's cycle is a run of phases ("Concurrent marking", "Coalescing and filling").
      concurrentPhases = true;
      if (otherName == null && !name.startsWith("Concurrent")) {
        otherName = name;
      }
      if (hasHeap) {
        heap(e);
      }
    }
  }

  private void heap(GcEventLine e) {
    if (before < 0) {
      before = e.before;
    }
    after = e.after;
    if (e.committed >= 0) {
      committed = e.committed;
    }
  }

  GcCollection build() {
    GcPause main = null;
    for (GcPause p : pauses) {
      if (p.name().equals("Pause Full") || p.name().startsWith("Pause Degenerated")) {
        main = p;
      }
    }
    GcKind kind;
    String name;
    String cause = null;
    if (collectionName != null) {
      kind = GcKind.CONCURRENT;
      name = collectionName;
      cause = collectionCause;
    } else if (main != null) {
      kind = main.name().equals("Pause Full") ? GcKind.FULL : GcKind.DEGENERATED;
      name = main.name();
      cause = main.cause();
    } else if (cycleName != null || hasPause("Pause Remark")) {
      kind = GcKind.CONCURRENT;
      name = cycleName != null ? cycleName : "Concurrent Cycle";
    } else if (!pauses.isEmpty() && isYoung(pauses.get(0))) {
      main = pauses.get(0);
      kind = isMixed(main) ? GcKind.MIXED : GcKind.YOUNG;
      name = main.name();
      cause = main.cause();
    } else if (concurrentPhases || !pauses.isEmpty()) {
      kind = GcKind.CONCURRENT;
      if (isCollectionName(startName)) {
        name = startName;
      } else if (pauses.isEmpty() && otherName != null) {
        name = otherName;
      } else {
        name = "Concurrent Cycle";
      }
    } else if (startName != null) {
      name = startName;
      kind = kindOfStart(startName, startGroups);
    } else {
      kind = GcKind.CONCURRENT;
      name = "GC";
    }
    if (cause == null) {
      cause = trigger != null ? triggerCause(trigger) : cause(startGroups);
    }
    double millis;
    if (kind != GcKind.CONCURRENT && !pauses.isEmpty()) {
      millis = 0;
      for (GcPause p : pauses) {
        millis += p.durationMillis();
      }
    } else if (!Double.isNaN(collectionMillis)) {
      millis = collectionMillis;
    } else if (!Double.isNaN(cycleMillis)) {
      millis = cycleMillis;
    } else if (!Double.isNaN(startSeconds) && endSeconds > startSeconds) {
      millis = (endSeconds - startSeconds) * 1000;
    } else {
      millis = Double.NaN;
    }
    long live =
        liveAll >= 0 ? liveAll : (liveYoung >= 0 && liveOld >= 0 ? liveYoung + liveOld : -1);
    return new GcCollection(
        gcId,
        firstLine,
        startSeconds,
        endSeconds,
        kind,
        name,
        cause,
        before,
        after,
        committed >= 0 ? committed : zCommitted,
        live,
        millis,
        pauses,
        failures,
        humongousAfter);
  }

  private static boolean isCollectionName(String name) {
    return name != null
        && (name.equals("Garbage Collection")
            || name.equals("Minor Collection")
            || name.equals("Major Collection"));
  }

  /**
   * Shenandoah's trigger sentence as a cause that groups: figures in parentheses and everything
   * after the first sentence or clause dropped ({@code Average GC time (646.18 ms) is above ...}
   * becomes {@code Average GC time is above the time for average allocation rate to deplete free
   * headroom}); {@code Learning 1 of 5. ...} becomes {@code Learning}.
   */
  static String triggerCause(String trigger) {
    if (trigger.startsWith("Learning")) {
      return "Learning";
    }
    StringBuilder out = new StringBuilder(trigger.length());
    int i = 0;
    int n = trigger.length();
    while (i < n) {
      char c = trigger.charAt(i);
      if (c == '(') {
        int depth = 0;
        int j = i;
        boolean digit = false;
        for (; j < n; j++) {
          char d = trigger.charAt(j);
          digit |= Character.isDigit(d);
          if (d == '(') {
            depth++;
          } else if (d == ')' && --depth == 0) {
            break;
          }
        }
        if (digit && j < n) {
          i = j + 1;
          continue;
        }
      }
      if ((c == '.' || c == ',' || c == ':') && (i + 1 == n || trigger.charAt(i + 1) == ' ')) {
        break;
      }
      out.append(c);
      i++;
    }
    return out.toString().replaceAll(" +", " ").strip();
  }

  private boolean hasPause(String name) {
    for (GcPause p : pauses) {
      if (p.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isYoung(GcPause p) {
    return p.name().equals("Pause Young")
        || p.name().equals("Pause Mixed")
        || p.name().equals("Pause Initial Mark");
  }

  private static boolean isMixed(GcPause p) {
    return p.name().equals("Pause Mixed") || p.groups().contains("Mixed");
  }

  private static GcKind kindOfStart(String name, List<String> groups) {
    if (name.equals("Pause Full")) {
      return GcKind.FULL;
    }
    if (name.equals("Pause Young")) {
      return groups.contains("Mixed") ? GcKind.MIXED : GcKind.YOUNG;
    }
    return GcKind.CONCURRENT;
  }

  /** G1's young pauses are grouped by their kind as well: {@code Pause Young (Mixed)}. */
  static String type(String name, List<String> groups) {
    if (name.equals("Pause Young") && !groups.isEmpty() && G1_YOUNG_TYPES.contains(groups.get(0))) {
      return name + " (" + groups.get(0) + ")";
    }
    return name;
  }

  /** The last group that is neither a qualifier nor a failure: the cause; null when none. */
  static String cause(List<String> groups) {
    for (int i = groups.size() - 1; i >= 0; i--) {
      String g = groups.get(i);
      if (!QUALIFIERS.contains(g) && !g.startsWith("Evacuation Failure")) {
        return g;
      }
    }
    return null;
  }
}
