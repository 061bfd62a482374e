package dev.leakhound.formats.jvm;

import dev.leakhound.formats.io.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads class histograms in the text the JDK prints, from JDK 8 to 25:
 *
 * <pre>
 * 12345:                                                  (jcmd's pid line, optional)
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:        197011       21567856  [B (java.base@17.0.15)
 *    2:         63202        2022464  demo.shop.Session
 * Total        680236       39163136
 * </pre>
 *
 * <p>The {@code (module)} column exists from JDK 9; classes of the unnamed module have none. JDK 8
 * prints {@code class name} alone, and its SA variant ({@code jmap -F -histo}) says {@code Class
 * description}, separates with tabs and spells {@code Total : N M}. Names are kept as printed:
 * arrays ({@code [B}, {@code [Ljava.lang.Object;}), hidden classes ({@code Foo$$Lambda/0x...}).
 * Several histograms in one input (a file of successive {@code jcmd} outputs) are read in order.
 * Lines before the first header are tolerated (jmap's "Attaching to process" chatter); text cut
 * before the {@code Total} line gives a histogram that is not {@link ClassHistogram#complete()}.
 *
 * <p>Fails only with {@link InputFormatException}, naming the line. Single-threaded; one instance
 * per input. Cost: one pass; memory proportional to the rows.
 */
public final class ClassHistogramReader {
  private static final String ROW_EXAMPLE = "'   1:    197011    21567856  [B (java.base@17)'";

  private final LineReader lines;
  private final List<ClassHistogram> histograms = new ArrayList<>();
  private List<ClassHistogramEntry> rows;
  private boolean moduleColumn;
  private boolean afterTotal;
  private long firstLine;
  private long firstUnknownLine;
  private String firstUnknown;

  private ClassHistogramReader(String source, InputStream in) {
    this.lines = new LineReader(source, in);
  }

  /** Reads every histogram in {@code in}, which must hold at least one. */
  public static List<ClassHistogram> readAll(String source, InputStream in) throws IOException {
    return new ClassHistogramReader(source, in).run();
  }

  /** Reads the one histogram in {@code in}; more than one is an error. */
  public static ClassHistogram read(String source, InputStream in) throws IOException {
    List<ClassHistogram> all = readAll(source, in);
    if (all.size() > 1) {
      throw InputFormatException.atLine(
          source, all.get(1).firstLine(), "one class histogram (found a second header here)");
    }
    return all.get(0);
  }

  private List<ClassHistogram> run() throws IOException {
    for (String line; (line = lines.next()) != null; ) {
      accept(line);
    }
    finish(false, 0, 0);
    if (histograms.isEmpty()) {
      if (firstUnknown != null) {
        throw fail(firstUnknownLine, "a class histogram header or row", firstUnknown);
      }
      throw InputFormatException.atLine(
          lines.source(),
          Math.max(1, lines.lineNumber()),
          "a class histogram (jmap -histo or jcmd GC.class_histogram output)");
    }
    return histograms;
  }

  private void accept(String line) throws IOException {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || isPidLine(trimmed) || isSeparator(trimmed)) {
      return;
    }
    if (isHeader(trimmed)) {
      finish(false, 0, 0);
      rows = new ArrayList<>();
      moduleColumn = trimmed.contains("(module)");
      firstLine = lines.lineNumber();
      afterTotal = false;
      return;
    }
    if (trimmed.startsWith("Total")) {
      if (rows == null) {
        throw fail(lines.lineNumber(), "a histogram header or row before the Total line", trimmed);
      }
      readTotal(trimmed);
      return;
    }
    if (afterTotal) {
      if (trimmed.startsWith("Heap traversal took")) {
        return; // the SA variant's trailer
      }
      throw fail(lines.lineNumber(), "a new histogram header after the Total line", trimmed);
    }
    if (Character.isDigit(trimmed.charAt(0)) && trimmed.indexOf(':') > 0) {
      if (rows == null) {
        rows = new ArrayList<>(); // rows without a header: someone cut it off; still readable
        moduleColumn = true;
        firstLine = lines.lineNumber();
      }
      rows.add(parseRow(trimmed));
      return;
    }
    if (rows == null) {
      if (firstUnknown == null) {
        firstUnknown = trimmed;
        firstUnknownLine = lines.lineNumber();
      }
      return; // preamble before the first header
    }
    throw fail(lines.lineNumber(), "a class histogram row such as " + ROW_EXAMPLE, trimmed);
  }

  private ClassHistogramEntry parseRow(String s) throws InputFormatException {
    int i = 0;
    int n = s.length();
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0 || i >= n || s.charAt(i) != ':') {
      throw fail(lines.lineNumber(), "a class histogram row such as " + ROW_EXAMPLE, s);
    }
    i = skipSpace(s, i + 1);
    int start = i;
    i = skipDigits(s, i);
    long instances = number(s, start, i);
    int afterInstances = i;
    i = skipSpace(s, i);
    if (i == afterInstances) {
      throw fail(lines.lineNumber(), "a class histogram row such as " + ROW_EXAMPLE, s);
    }
    start = i;
    i = skipDigits(s, i);
    long bytes = number(s, start, i);
    int afterBytes = i;
    i = skipSpace(s, i);
    if (i == afterBytes || i >= n) {
      throw fail(lines.lineNumber(), "a class name after the byte count", s);
    }
    String rest = s.substring(i);
    String module = null;
    String name = rest;
    if (moduleColumn && rest.endsWith(")")) {
      int open = rest.lastIndexOf(" (");
      if (open > 0) {
        module = rest.substring(open + 2, rest.length() - 1);
        name = rest.substring(0, open).stripTrailing();
        if (module.isEmpty() || module.indexOf(' ') >= 0) {
          throw fail(lines.lineNumber(), "a module name such as (java.base@21)", s);
        }
      }
    }
    return new ClassHistogramEntry(name, instances, bytes, module);
  }

  private void readTotal(String s) throws InputFormatException {
    int i = skipSpace(s, "Total".length());
    if (i < s.length() && s.charAt(i) == ':') {
      i = skipSpace(s, i + 1); // SA variant: "Total : N M"
    }
    int start = i;
    i = skipDigits(s, i);
    long instances = number(s, start, i);
    i = skipSpace(s, i);
    start = i;
    i = skipDigits(s, i);
    long bytes = number(s, start, i);
    if (skipSpace(s, i) != s.length()) {
      throw fail(lines.lineNumber(), "'Total <instances> <bytes>'", s);
    }
    finish(true, instances, bytes);
    afterTotal = true;
  }

  private void finish(boolean complete, long totalInstances, long totalBytes)
      throws InputFormatException {
    if (rows == null) {
      return;
    }
    long sumInstances = 0;
    long sumBytes = 0;
    try {
      for (ClassHistogramEntry e : rows) {
        sumInstances = Math.addExact(sumInstances, e.instances());
        sumBytes = Math.addExact(sumBytes, e.bytes());
      }
    } catch (ArithmeticException e) {
      throw InputFormatException.atLine(
          lines.source(), firstLine, "row counts whose sum fits in 63 bits");
    }
    if (complete && (totalInstances < sumInstances || totalBytes < sumBytes)) {
      throw InputFormatException.atLine(
          lines.source(),
          lines.lineNumber(),
          "a Total line at least the sum of the rows ("
              + sumInstances
              + " instances, "
              + sumBytes
              + " bytes)");
    }
    histograms.add(
        new ClassHistogram(
            rows,
            complete ? totalInstances : sumInstances,
            complete ? totalBytes : sumBytes,
            complete,
            moduleColumn,
            firstLine));
    rows = null;
  }

  private long number(String s, int start, int end) throws InputFormatException {
    if (start == end) {
      throw fail(lines.lineNumber(), "a number", s);
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      int digit = s.charAt(i) - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        throw fail(lines.lineNumber(), "a count below 2^63", s);
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static boolean isHeader(String trimmed) {
    return trimmed.startsWith("num")
        && trimmed.contains("#instances")
        && trimmed.contains("#bytes")
        && (trimmed.contains("class name") || trimmed.contains("Class description"));
  }

  private static boolean isSeparator(String trimmed) {
    for (int i = 0; i < trimmed.length(); i++) {
      if (trimmed.charAt(i) != '-') {
        return false;
      }
    }
    return trimmed.length() >= 3;
  }

  private static boolean isPidLine(String trimmed) {
    int n = trimmed.length();
    return n >= 2 && trimmed.charAt(n - 1) == ':' && skipDigits(trimmed, 0) == n - 1;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private InputFormatException fail(long line, String expected, String found) {
    String shown = found.length() > 80 ? found.substring(0, 77) + "..." : found;
    return InputFormatException.atLine(lines.source(), line, expected + ", found '" + shown + "'");
  }
}
