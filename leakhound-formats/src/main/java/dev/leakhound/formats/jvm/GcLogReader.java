package dev.leakhound.formats.jvm;

import dev.leakhound.formats.io.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JVM unified GC log ({@code -Xlog:gc*}, JDK 9 and later) from G1, Parallel, Serial, ZGC
 * (generational or not), Shenandoah and CMS into its collections: pauses with their kind, cause and
 * duration, heap before and after (committed), concurrent cycles, ZGC's live bytes, failures
 * (to-space exhausted, evacuation failure), stalls and cancelled cycles. Decorations may be any
 * combination in any order ({@link LogDecorations}); lines of other output mixed into the file (a
 * log written to stdout) are skipped.
 *
 * <p>Unknown lines are expected (collectors log much more than this reader needs) and skipped. It
 * fails with {@link InputFormatException}, naming the line, on binary data, on a pause line whose
 * figures do not parse, on sizes beyond 2^63 bytes, and on input without a single GC log line (with
 * a hint when it is a JDK 8 {@code -XX:+PrintGCDetails} log, a different format).
 *
 * <p>Single-threaded; one instance per input. Cost: one pass over the lines, memory proportional to
 * the number of collections.
 */
public final class GcLogReader {
  private static final String EXAMPLE =
      "'[0.705s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 3.4ms'";

  private final LineReader lines;
  private final LogDecorations decorations = new LogDecorations();
  private final GcEventLine event = new GcEventLine();
  private final Map<Long, CollectionBuilder> builders = new HashMap<>();
  private final List<GcNotice> notices = new ArrayList<>();
  private String collector;
  private String jvmVersion;
  private long maxHeap = -1;
  private long regionSize = -1;
  private String pendingTrigger;
  private String timeBase;
  private double wallClockOrigin = Double.NaN;
  private boolean sawGcLine;
  private long legacyLine;

  private GcLogReader(String source, InputStream in) {
    this.lines = new LineReader(source, in);
  }

  /** Reads the whole log. */
  public static GcLog read(String source, InputStream in) throws IOException {
    return new GcLogReader(source, in).run();
  }

  private GcLog run() throws IOException {
    for (String line; (line = lines.next()) != null; ) {
      accept(line);
    }
    if (!sawGcLine) {
      if (legacyLine > 0) {
        throw InputFormatException.atLine(
            lines.source(),
            legacyLine,
            "a unified GC log (JDK 9+, -Xlog:gc*); this is a JDK 8 -XX:+PrintGCDetails log,"
                + " which Leakhound does not read");
      }
      throw InputFormatException.atLine(
          lines.source(),
          1,
          "a JVM unified GC log line such as "
              + EXAMPLE
              + " (run the JVM with -Xlog:gc*:file=gc.log)");
    }
    List<CollectionBuilder> open = new ArrayList<>(builders.values());
    List<GcCollection> collections = new ArrayList<>(open.size());
    for (CollectionBuilder b : open) {
      collections.add(b.build());
    }
    collections.sort(Comparator.comparingLong(GcCollection::line));
    return new GcLog(
        collector,
        jvmVersion,
        maxHeap,
        regionSize,
        timeBase == null ? "none" : timeBase,
        collections,
        notices,
        lines.lineNumber());
  }

  private void accept(String line) throws IOException {
    int m = decorations.parse(line);
    double seconds = time();
    if (line.startsWith("GC(", m)) {
      int close = line.indexOf(')', m + 3);
      long id = close > 0 ? gcId(line, m + 3, close) : -1;
      if (id >= 0) {
        sawGcLine = true;
        collectionLine(line, id, close + 1, seconds);
        return;
      }
    }
    header(line, m, seconds);
  }

  private void collectionLine(String line, long id, int at, double seconds) throws IOException {
    CollectionBuilder b = builders.get(id);
    if (b == null) {
      b = new CollectionBuilder(id, lines.lineNumber(), seconds);
      builders.put(id, b);
      if (pendingTrigger != null) {
        b.trigger(pendingTrigger);
        pendingTrigger = null;
      }
    }
    b.seenAt(seconds);
    int i = at;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    char generation = 0;
    if (i + 2 < line.length() && line.charAt(i + 1) == ':' && line.charAt(i + 2) == ' ') {
      char g = line.charAt(i);
      if (g == 'y' || g == 'Y' || g == 'o' || g == 'O') {
        generation = g;
        i += 3;
      }
    }
    if (line.startsWith("To-space exhausted", i)) {
      b.failure("To-space exhausted"); // G1 before JDK 21; later: "(Evacuation Failure: ...)"
      return;
    }
    if (line.startsWith("Degenerated GC upgrading to Full GC", i)) {
      b.failure("Degenerated GC upgrading to Full GC"); // Shenandoah
      return;
    }
    boolean parsed;
    try {
      parsed = event.parse(line, i);
    } catch (GcEventLine.SizeOverflow e) {
      throw InputFormatException.atLine(
          lines.source(), lines.lineNumber(), "a heap size below 8 EiB");
    }
    if (parsed) {
      b.event(event, generation, lines.lineNumber(), seconds);
      return;
    }
    if (line.startsWith("Pause ", i) && endsWithDuration(line)) {
      throw InputFormatException.atLine(
          lines.source(), lines.lineNumber(), "a pause line such as " + EXAMPLE);
    }
    detail(b, line, i, generation);
  }

  /** Lines under a GC id that are not events: failures, G1 region counts, ZGC heap tables. */
  private void detail(CollectionBuilder b, String line, int i, char generation)
      throws InputFormatException {
    if (line.startsWith("Humongous regions: ", i)) {
      int arrow = line.indexOf("->", i);
      if (arrow > 0) {
        long regions = leadingNumber(line, arrow + 2);
        if (regions >= 0) {
          b.humongousAfter(regions);
        }
      }
      return;
    }
    int j = i;
    while (j < line.length() && line.charAt(j) == ' ') {
      j++;
    }
    if (line.startsWith("Capacity:", j)) {
      long v = zTableCell(line, j + "Capacity:".length(), 3);
      if (v >= 0) {
        b.zCapacity(v);
      }
    } else if (line.startsWith("Live:", j)) {
      long v = zTableCell(line, j + "Live:".length(), 1);
      if (v >= 0) {
        b.zLive(generation, v);
      }
    }
  }

  /** Lines without a GC id: the JVM and heap description, triggers, stalls. */
  private void header(String line, int m, double seconds) throws InputFormatException {
    if (line.startsWith("Using ", m)) {
      String using = usingCollector(line.substring(m + 6).strip());
      if (using != null) {
        collector = using;
        sawGcLine = true;
      }
    } else if (line.startsWith("Version: ", m)) {
      int end = line.indexOf(" (", m);
      jvmVersion = line.substring(m + 9, end > 0 ? end : line.length()).strip();
    } else if (line.startsWith("Heap Max Capacity: ", m) || line.startsWith("Max Capacity: ", m)) {
      long v = sizeAfterColon(line, m);
      if (v > 0) {
        maxHeap = v;
        sawGcLine = true;
      }
    } else if (line.regionMatches(true, m, "Heap Region Size: ", 0, 18)) {
      long v = sizeAfterColon(line, m);
      if (v > 0) {
        regionSize = v;
      }
    } else if (line.startsWith("Trigger", m)) {
      int colon = line.indexOf(": ", m);
      if (colon > 0) {
        pendingTrigger = line.substring(colon + 2).strip();
      }
    } else if (line.startsWith("Allocation Stall", m) || line.startsWith("Relocation Stall", m)) {
      GcNotice.Kind kind =
          line.charAt(m) == 'A' ? GcNotice.Kind.ALLOCATION_STALL : GcNotice.Kind.RELOCATION_STALL;
      int space = line.lastIndexOf(' ');
      double millis = GcEventLine.duration(line, space + 1, line.length());
      notices.add(new GcNotice(kind, -1, seconds, millis, line.substring(m), lines.lineNumber()));
    } else if (line.startsWith("Cancelling GC: ", m)) {
      notice(GcNotice.Kind.GC_CANCELLED, line.substring(m), seconds);
    } else if (line.startsWith("Failed to allocate ", m)) {
      notice(GcNotice.Kind.ALLOCATION_FAILURE, line.substring(m), seconds);
    } else if (line.startsWith("Heap address: ", m)) {
      // JDK 11 logs the maximum heap only here: "Heap address: 0x..., size: 64 MB, ..."
      int size = line.indexOf("size: ", m);
      int unit = size < 0 ? -1 : line.indexOf(" MB", size);
      if (unit > 0 && maxHeap < 0) {
        long mb = leadingNumber(line, size + 6);
        if (mb > 0 && mb < (1L << 40)) {
          maxHeap = mb << 20;
        }
      }
    } else if (legacyLine == 0
        && (line.contains("[GC (") || line.contains("[Full GC (") || line.startsWith("{Heap"))) {
      legacyLine = lines.lineNumber();
    }
  }

  private void notice(GcNotice.Kind kind, String text, double seconds) {
    notices.add(new GcNotice(kind, -1, seconds, Double.NaN, text, lines.lineNumber()));
  }

  private double time() {
    switch (decorations.timeKind) {
      case LogDecorations.UPTIME -> {
        if (timeBase == null) {
          timeBase = "uptime";
        }
        return decorations.seconds;
      }
      case LogDecorations.WALLCLOCK -> {
        if (timeBase == null) {
          timeBase = "wallclock";
        }
        if (Double.isNaN(wallClockOrigin)) {
          wallClockOrigin = decorations.seconds;
        }
        return decorations.seconds - wallClockOrigin;
      }
      default -> {
        return Double.NaN;
      }
    }
  }

  private long gcId(String line, int start, int end) throws InputFormatException {
    if (start == end || end - start > 18) {
      if (end - start > 18) {
        throw InputFormatException.atLine(
            lines.source(), lines.lineNumber(), "a GC id below 10^18");
      }
      return -1;
    }
    long id = 0;
    for (int i = start; i < end; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      id = id * 10 + (c - '0');
    }
    return id;
  }

  /** The value in column {@code column} (0-based) of a ZGC heap table row; -1 for '-'. */
  private long zTableCell(String line, int from, int column) throws InputFormatException {
    int i = from;
    int n = line.length();
    for (int c = 0; ; c++) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        return -1;
      }
      int end = i;
      while (end < n && line.charAt(end) != ' ') {
        end++;
      }
      if (c == column) {
        try {
          return GcEventLine.size(line, i, end);
        } catch (GcEventLine.SizeOverflow e) {
          throw InputFormatException.atLine(
              lines.source(), lines.lineNumber(), "a heap size below 8 EiB");
        }
      }
      i = end;
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '(') {
        int close = line.indexOf(')', i);
        i = close < 0 ? n : close + 1;
      }
    }
  }

  private long sizeAfterColon(String line, int m) throws InputFormatException {
    int colon = line.indexOf(':', m);
    int start = colon + 1;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    int end = start;
    while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '(') {
      end++;
    }
    try {
      return GcEventLine.size(line, start, end);
    } catch (GcEventLine.SizeOverflow e) {
      throw InputFormatException.atLine(
          lines.source(), lines.lineNumber(), "a heap size below 8 EiB");
    }
  }

  private static long leadingNumber(String line, int start) {
    long value = 0;
    int i = start;
    while (i < line.length() && i - start < 18 && Character.isDigit(line.charAt(i))) {
      value = value * 10 + (line.charAt(i) - '0');
      i++;
    }
    return i == start ? -1 : value;
  }

  private static boolean endsWithDuration(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    int space = line.lastIndexOf(' ', end - 1);
    String last = line.substring(space + 1, end);
    return last.endsWith("ms") && last.length() > 2 && Character.isDigit(last.charAt(0));
  }

  private static String usingCollector(String what) {
    return switch (what) {
      case "G1" -> "G1";
      case "Parallel" -> "Parallel";
      case "Serial" -> "Serial";
      case "Shenandoah" -> "Shenandoah";
      case "The Z Garbage Collector" -> "Z";
      case "Concurrent Mark Sweep" -> "CMS";
      case "Epsilon" -> "Epsilon";
      default -> null;
    };
  }
}
