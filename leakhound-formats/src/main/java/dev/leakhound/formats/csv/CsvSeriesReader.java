package dev.leakhound.formats.csv;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a CSV of memory signals over time into a {@link CsvSeries}: a header line, then one row per
 * sample; comma-separated (tab-separated when the header has tabs and no commas); blank lines and
 * lines starting with {@code #} are skipped; a cell may be quoted.
 *
 * <p>The time column is the one named {@code time}, {@code timestamp}, {@code ts}, {@code t},
 * {@code unix}, {@code unix_time}, {@code epoch} or {@code seconds} (any case), else a column whose
 * name contains {@code time}, else the first column. Its values are unix seconds; values of 1e11
 * and more are taken as milliseconds and divided by 1000. Rows must be in increasing time; a row
 * with the same time as the one before replaces it (samplers that write whole seconds produce such
 * pairs). Signal cells must be finite and non-negative; an empty cell is a missing sample (NaN).
 *
 * <p>Every problem is an {@link InputFormatException} naming the line and what was expected: a
 * ragged row, a cell that is not a number, {@code NaN} or {@code Inf}, a negative value, a time
 * that does not increase. Lines are limited to {@value #MAX_LINE} characters and the header to
 * {@value #MAX_COLUMNS} columns, so no input exhausts memory beyond its own size.
 *
 * <p>Single-threaded per call; the reader itself is stateless and thread-safe. O(size of input).
 */
public final class CsvSeriesReader {
  /** The longest line accepted, in characters. */
  public static final int MAX_LINE = 1 << 16;

  /** The most columns accepted. */
  public static final int MAX_COLUMNS = 1024;

  private static final Set<String> TIME_NAMES =
      Set.of("time", "timestamp", "ts", "t", "unix", "unix_time", "epoch", "seconds", "time_s");
  private static final double MILLISECONDS_FROM = 1e11;

  /** Reads a file, or standard input for {@code -}; gzip is detected by its magic bytes. */
  public CsvSeries read(String pathOrDash) throws IOException {
    try (InputStream in = Inputs.open(pathOrDash)) {
      return read(Inputs.displayName(pathOrDash), in);
    }
  }

  /** Reads {@code in} (not closed), naming it {@code source} in messages. */
  public CsvSeries read(String source, InputStream in) throws IOException {
    LineSource lines =
        new LineSource(source, new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE);
    String header = lines.next();
    if (header == null) {
      throw InputFormatException.atLine(source, 1, "a header line naming the columns");
    }
    char separator =
        Cells.countUnquoted(header, ',') == 0 && Cells.countUnquoted(header, '\t') > 0 ? '\t' : ',';
    List<String> names = Cells.split(header, separator, MAX_COLUMNS + 1);
    if (names.size() > MAX_COLUMNS) {
      throw InputFormatException.atLine(
          source, lines.lineNumber(), "at most " + MAX_COLUMNS + " columns");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip();
      if (name.isEmpty()) {
        throw InputFormatException.atLine(
            source, lines.lineNumber(), "a name for column " + (i + 1) + " in the header");
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw InputFormatException.atLine(
            source, lines.lineNumber(), "distinct column names (\"" + name + "\" repeats)");
      }
      names.set(i, name);
    }
    if (names.size() < 2) {
      throw InputFormatException.atLine(
          source,
          lines.lineNumber(),
          "a time column and at least one signal column, separated by commas (found \""
              + Cells.shorten(header)
              + "\")");
    }
    int timeIndex = timeColumn(names);
    int width = names.size();
    Columns columns = new Columns(width);
    double[] row = new double[width];
    double previousTime = Double.NEGATIVE_INFINITY;
    long previousLine = 0;
    String line;
    while ((line = lines.next()) != null) {
      long lineNumber = lines.lineNumber();
      List<String> cells = Cells.split(line, separator, width + 1);
      if (cells.size() != width) {
        throw InputFormatException.atLine(
            source,
            lineNumber,
            width
                + " fields like the header ("
                + String.join(",", names)
                + "), found "
                + (cells.size() > width ? "more" : String.valueOf(cells.size())));
      }
      for (int c = 0; c < width; c++) {
        row[c] = Cells.parse(source, lineNumber, names.get(c), cells.get(c), c == timeIndex);
      }
      double time = row[timeIndex];
      if (time >= MILLISECONDS_FROM) {
        time /= 1000;
      }
      if (time < previousTime) {
        throw InputFormatException.atLine(
            source,
            lineNumber,
            "a time of at least "
                + Cells.format(previousTime)
                + " (line "
                + previousLine
                + "): rows must be in increasing time, found "
                + Cells.format(time));
      }
      row[timeIndex] = time;
      if (time == previousTime) {
        // Two samples in the same (whole) second: samplers that write unix seconds do that. The
        // later one replaces the earlier, so times stay strictly increasing.
        columns.replaceLast(row);
      } else {
        columns.add(row);
      }
      previousTime = time;
      previousLine = lineNumber;
    }
    List<String> signalNames = new ArrayList<>(names);
    signalNames.remove(timeIndex);
    double[][] signals = new double[width - 1][];
    for (int c = 0, s = 0; c < width; c++) {
      if (c != timeIndex) {
        signals[s++] = columns.get(c);
      }
    }
    return new CsvSeries(
        source, names.get(timeIndex), signalNames, columns.get(timeIndex), signals);
  }

  private static int timeColumn(List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (TIME_NAMES.contains(names.get(i).toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).toLowerCase(Locale.ROOT).contains("time")) {
        return i;
      }
    }
    return 0;
  }

  /** Growable primitive columns. */
  private static final class Columns {
    private final double[][] data;
    private int size;

    Columns(int width) {
      data = new double[width][64];
    }

    void add(double[] row) {
      if (size == data[0].length) {
        for (int c = 0; c < data.length; c++) {
          data[c] = Arrays.copyOf(data[c], size * 2);
        }
      }
      for (int c = 0; c < data.length; c++) {
        data[c][size] = row[c];
      }
      size++;
    }

    void replaceLast(double[] row) {
      for (int c = 0; c < data.length; c++) {
        data[c][size - 1] = row[c];
      }
    }

    double[] get(int column) {
      return Arrays.copyOf(data[column], size);
    }
  }

  /** Lines of a reader with a length limit, skipping blank lines and {@code #} comments. */
  private static final class LineSource {
    private final String source;
    private final Reader reader;
    private final int maxLine;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long lineNumber;

    LineSource(String source, Reader reader, int maxLine) {
      this.source = source;
      this.reader = reader;
      this.maxLine = maxLine;
    }

    long lineNumber() {
      return lineNumber;
    }

    String next() throws IOException {
      while (true) {
        String raw = rawLine();
        if (raw == null) {
          return null;
        }
        String stripped = raw.strip();
        if (lineNumber == 1 && !stripped.isEmpty() && stripped.charAt(0) == '\uFEFF') {
          stripped = stripped.substring(1).strip();
        }
        if (!stripped.isEmpty() && stripped.charAt(0) != '#') {
          return stripped;
        }
      }
    }

    private String rawLine() throws IOException {
      line.setLength(0);
      boolean any = false;
      while (true) {
        if (position == limit) {
          limit = reader.read(buffer);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (!any) {
              return null;
            }
            lineNumber++;
            return line.toString();
          }
        }
        any = true;
        char c = buffer[position++];
        if (c == '\n') {
          lineNumber++;
          return line.toString();
        }
        if (c != '\r') {
          if (line.length() >= maxLine) {
            throw InputFormatException.atLine(
                source, lineNumber + 1, "a line of at most " + maxLine + " characters");
          }
          line.append(c);
        }
      }
    }
  }
}
