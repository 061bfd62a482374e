package dev.leakhound.formats.gctrace;

/**
 * Parses one gc line from its {@code gc} token on, field by field; on failure, says what it
 * expected where. Not thread-safe; one per line.
 */
final class GcLineParser {
  static final String SHAPE =
      "a gctrace line 'gc N @Ts P%: A+B+C ms clock, D+E/F/G+H ms cpu, X->Y->Z MB, G MB goal[,"
          + " S MB stacks, L MB globals], N P[ (forced)]'";

  private final String s;
  private int pos;
  private String expected;
  private boolean trailing;

  GcLineParser(String line) {
    this.s = line;
  }

  /** The cycle, or null when the line does not parse ({@link #expected()} says why). */
  GcCycle parse(boolean periodic, long lineNumber) {
    try {
      literal("gc ");
      long number = integer("the cycle number");
      literal(" @");
      double at = decimal("the start time in seconds");
      literal("s ");
      long percent = integer("the GC CPU percentage");
      literal("%");
      boolean leaks = optional(" (checking for goroutine leaks)");
      literal(": ");
      double c1 = decimal("the sweep-termination clock time");
      literal("+");
      double c2 = decimal("the mark clock time");
      literal("+");
      double c3 = decimal("the mark-termination clock time");
      literal(" ms clock, ");
      double u1 = decimal("the sweep-termination CPU time");
      literal("+");
      double u2 = decimal("the assist CPU time");
      literal("/");
      double u3 = decimal("the background mark CPU time");
      literal("/");
      double u4 = decimal("the idle mark CPU time");
      literal("+");
      double u5 = decimal("the mark-termination CPU time");
      literal(" ms cpu, ");
      long h0 = integer("the heap size at the start");
      literal("->");
      long h1 = integer("the heap size at the end of marking");
      literal("->");
      long h2 = integer("the live heap");
      literal(" MB, ");
      long goal = integer("the heap goal");
      literal(" MB goal, ");
      long stacks = -1;
      long globals = -1;
      // Go 1.18 added the stacks and globals fields; before them the number of Ps follows.
      long n = integer("the stacks size or the number of Ps");
      if (optional(" MB stacks, ")) {
        stacks = n;
        globals = integer("the globals size");
        literal(" MB globals, ");
        n = integer("the number of Ps");
      }
      literal(" P");
      boolean forced = optional(" (forced)");
      trailing = pos < s.length();
      if (n < 1 || n > 1_000_000 || percent > 1000 || !Double.isFinite(at)) {
        expected = SHAPE + " with plausible numbers (found '" + cut() + "')";
        return null;
      }
      return new GcCycle(
          number,
          at,
          (int) percent,
          leaks,
          c1,
          c2,
          c3,
          u1,
          u2,
          u3,
          u4,
          u5,
          h0,
          h1,
          h2,
          goal,
          stacks,
          globals,
          (int) n,
          forced,
          periodic,
          lineNumber);
    } catch (Mismatch e) {
      expected =
          SHAPE + ": " + e.getMessage() + " at column " + (pos + 1) + " (found '" + cut() + "')";
      return null;
    }
  }

  String expected() {
    return expected;
  }

  /** True when text followed a complete line (the program's output written after it). */
  boolean trailing() {
    return trailing;
  }

  private String cut() {
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }

  private void literal(String text) throws Mismatch {
    if (!s.startsWith(text, pos)) {
      throw new Mismatch("'" + text + "'");
    }
    pos += text.length();
  }

  private boolean optional(String text) {
    if (s.startsWith(text, pos)) {
      pos += text.length();
      return true;
    }
    return false;
  }

  private long integer(String what) throws Mismatch {
    int from = pos;
    while (pos < s.length() && pos - from < 18 && isAsciiDigit(s.charAt(pos))) {
      pos++;
    }
    if (pos == from || (pos < s.length() && isAsciiDigit(s.charAt(pos)))) {
      throw new Mismatch(what);
    }
    return Long.parseLong(s, from, pos, 10);
  }

  private double decimal(String what) throws Mismatch {
    int from = pos;
    while (pos < s.length() && pos - from < 24 && isAsciiDigit(s.charAt(pos))) {
      pos++;
    }
    if (pos == from) {
      throw new Mismatch(what);
    }
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      int fraction = pos;
      while (pos < s.length() && pos - fraction < 12 && isAsciiDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos == fraction) {
        throw new Mismatch(what);
      }
    }
    if (pos < s.length() && isAsciiDigit(s.charAt(pos))) {
      throw new Mismatch(what);
    }
    return Double.parseDouble(s.substring(from, pos));
  }

  /**
   * The runtime prints ASCII digits only; Character.isDigit would take other scripts' digits too,
   * which the number parsers then refuse with an unchecked exception.
   */
  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A field that is not what the line shape says; the message names the field. */
  private static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String what) {
      super("expected " + what, null, false, false);
    }
  }
}
