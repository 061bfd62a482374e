package dev.leakhound.formats.jvm;

import java.util.ArrayList;
import java.util.List;

/**
 * The grammar every collector uses for its event lines, after {@code GC(n) } and an optional
 * generation prefix ({@code y: }, {@code O: }):
 *
 * <pre>
 * NAME (GROUP)* [BEFORE[(PCT%)]->AFTER[(COMMITTED)|(PCT%)]] [DURATION]
 * Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 3.456ms
 * Garbage Collection (Warmup) 62M(1%)->32M(1%)
 * Minor Collection (Allocation Rate) 26M(27%)->26M(27%) 0.052s
 * Concurrent cleanup (unload classes) 34M->14M(96M) 0.048ms
 * Concurrent Mark Cycle
 * </pre>
 *
 * Groups may nest ({@code (System.gc())}). {@link #parse} answers whether a message has this shape
 * and fills the fields; other messages (phases, statistics tables) do not.
 *
 * <p>Not thread-safe: one instance per reader, reused. Cost: linear in the message.
 */
final class GcEventLine {
  /** A size that does not fit: the caller turns it into an error with the line number. */
  static final class SizeOverflow extends Exception {
    private static final long serialVersionUID = 1L;

    SizeOverflow() {
      super(null, null, false, false);
    }
  }

  private static final double KIB = 1024;

  String name;
  final List<String> groups = new ArrayList<>();
  long before;
  long after;
  long committed;
  double durationMillis;

  /** True when {@code message[from..]} has the event grammar; fills the fields. */
  boolean parse(String s, int from) throws SizeOverflow {
    groups.clear();
    before = -1;
    after = -1;
    committed = -1;
    durationMillis = Double.NaN;
    int n = s.length();
    while (n > from && s.charAt(n - 1) == ' ') {
      n--;
    }
    int i = from;
    if (i >= n || !Character.isLetter(s.charAt(i))) {
      return false;
    }
    while (i < n && s.charAt(i) != '(' && !Character.isDigit(s.charAt(i)) && s.charAt(i) != ':') {
      i++;
    }
    if (i < n && s.charAt(i) == ':') {
      return false; // "Eden regions: 6->0(10)", "Phase 1: Mark live objects"
    }
    name = s.substring(from, i).strip();
    while (i < n && s.charAt(i) == '(') {
      int close = closing(s, i, n);
      if (close < 0) {
        return false;
      }
      groups.add(s.substring(i + 1, close));
      i = close + 1;
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
    }
    if (i == n) {
      return true;
    }
    int arrow = s.indexOf("->", i);
    if (arrow > 0 && arrow < n) {
      int end = transition(s, i, arrow, n);
      if (end < 0) {
        return false;
      }
      i = end;
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      if (i == n) {
        return true;
      }
    }
    durationMillis = duration(s, i, n);
    return !Double.isNaN(durationMillis);
  }

  /** The index after {@code BEFORE->AFTER(...)}, or -1 when the text is not a heap change. */
  private int transition(String s, int i, int arrow, int n) throws SizeOverflow {
    int open = s.indexOf('(', i);
    int sizeEnd = open > 0 && open < arrow ? open : arrow;
    before = size(s, i, sizeEnd);
    if (before < 0) {
      return -1;
    }
    if (sizeEnd == open) {
      int close = s.indexOf(')', open);
      if (close != arrow - 1 || !isPercent(s, open + 1, close)) {
        return -1;
      }
    }
    int j = arrow + 2;
    int k = j;
    while (k < n && s.charAt(k) != '(' && s.charAt(k) != ' ') {
      k++;
    }
    after = size(s, j, k);
    if (after < 0) {
      return -1;
    }
    if (k < n && s.charAt(k) == '(') {
      int close = s.indexOf(')', k);
      if (close < 0) {
        return -1;
      }
      if (!isPercent(s, k + 1, close)) {
        committed = size(s, k + 1, close);
        if (committed < 0) {
          return -1;
        }
      }
      k = close + 1;
    }
    return k;
  }

  /** {@code 24M}, {@code 1023K}, {@code 7B}, {@code 2G} as bytes; -1 when not a size. */
  static long size(String s, int start, int end) throws SizeOverflow {
    if (end - start < 2) {
      return -1;
    }
    double multiplier =
        switch (s.charAt(end - 1)) {
          case 'B' -> 1;
          case 'K' -> KIB;
          case 'M' -> KIB * KIB;
          case 'G' -> KIB * KIB * KIB;
          case 'T' -> KIB * KIB * KIB * KIB;
          default -> -1;
        };
    if (multiplier < 0) {
      return -1;
    }
    double value = LogDecorations.decimal(s, start, end - 1);
    if (Double.isNaN(value)) {
      if (end - 1 - start > 18 && allDigits(s, start, end - 1)) {
        throw new SizeOverflow();
      }
      return -1;
    }
    double bytes = value * multiplier;
    if (bytes >= 0x1p63) {
      throw new SizeOverflow();
    }
    return Math.round(bytes);
  }

  /** {@code 3.456ms}, {@code 0.052s}, {@code 12us}, as milliseconds; NaN when not a duration. */
  static double duration(String s, int start, int end) {
    double scale;
    int unit;
    if (s.startsWith("ms", end - 2)) {
      scale = 1;
      unit = 2;
    } else if (s.startsWith("us", end - 2)) {
      scale = 1e-3;
      unit = 2;
    } else if (s.startsWith("ns", end - 2)) {
      scale = 1e-6;
      unit = 2;
    } else if (end > start && s.charAt(end - 1) == 's') {
      scale = 1e3;
      unit = 1;
    } else {
      return Double.NaN;
    }
    double value = LogDecorations.decimal(s, start, end - unit);
    return Double.isNaN(value) ? Double.NaN : value * scale;
  }

  private static boolean isPercent(String s, int start, int end) {
    return end > start + 1
        && s.charAt(end - 1) == '%'
        && !Double.isNaN(LogDecorations.decimal(s, start, end - 1));
  }

  private static boolean allDigits(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return end > start;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closing(String s, int open, int n) {
    int depth = 0;
    for (int i = open; i < n; i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
