package dev.leakhound.formats.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table of time series read from CSV: one time column (unix seconds, strictly increasing) and
 * numeric signal columns on primitive arrays, with {@code NaN} where a cell was empty (a missing
 * sample). Built by {@link CsvSeriesReader}, which guarantees the invariants below.
 *
 * <p>Immutable (arrays are copied in and out); thread-safe. Memory: 8 bytes per cell.
 */
public final class CsvSeries {
  private final String source;
  private final String timeColumn;
  private final List<String> columns;
  private final double[] times;
  private final double[][] values;

  /**
   * @param source the file name for messages
   * @param timeColumn the header name of the time column
   * @param columns the other columns' names, in file order
   * @param times unix seconds, finite and strictly increasing
   * @param values one array per column, as long as times; finite non-negative values or NaN
   */
  public CsvSeries(
      String source, String timeColumn, List<String> columns, double[] times, double[][] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("one value array per column is needed");
    }
    for (int i = 1; i < times.length; i++) {
      if (!(times[i] > times[i - 1])) {
        throw new IllegalArgumentException("times must be strictly increasing at row " + i);
      }
    }
    for (double[] column : values) {
      if (column.length != times.length) {
        throw new IllegalArgumentException("every column must have one value per time");
      }
    }
    this.source = source;
    this.timeColumn = timeColumn;
    this.columns = List.copyOf(columns);
    this.times = times.clone();
    this.values = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      this.values[i] = values[i].clone();
    }
  }

  public String source() {
    return source;
  }

  public String timeColumn() {
    return timeColumn;
  }

  /** The signal columns (every column but the time column), in file order. */
  public List<String> columns() {
    return columns;
  }

  /** Number of rows. */
  public int size() {
    return times.length;
  }

  /** The times in unix seconds (a copy). */
  public double[] times() {
    return times.clone();
  }

  /** True when a signal column has this name (case-insensitive). */
  public boolean hasColumn(String name) {
    return indexOf(name) >= 0;
  }

  /** The values of a column (a copy; NaN marks a missing sample). */
  public double[] column(String name) {
    int i = indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no column '"
              + name
              + "' in "
              + source
              + " (columns: "
              + String.join(", ", columns)
              + ")");
    }
    return values[i].clone();
  }

  /** The exact header name of a column matched case-insensitively, or null. */
  public String canonicalName(String name) {
    int i = indexOf(name);
    return i < 0 ? null : columns.get(i);
  }

  private int indexOf(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "CsvSeries["
        + source
        + ", "
        + size()
        + " rows, time "
        + timeColumn
        + ", "
        + columns
        + ", first "
        + (times.length == 0 ? "-" : Arrays.toString(Arrays.copyOf(times, 1)))
        + "]";
  }
}
