package dev.leakhound.formats.csv;

import dev.leakhound.formats.io.InputFormatException;
import java.util.ArrayList;
import java.util.List;

/** Splitting a CSV line into cells and parsing a numeric cell. Stateless and thread-safe. */
final class Cells {
  private Cells() {}

  /**
   * Splits on {@code separator}, honouring double quotes ({@code ""} inside quotes is a quote);
   * stops after {@code max} cells so a hostile line cannot allocate without bound.
   */
  static List<String> split(String line, char separator, int max) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
        if (cells.size() >= max) {
          return cells;
        }
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /**
   * Parses one cell: empty means missing (NaN) except in the time column; otherwise a finite,
   * non-negative decimal number.
   */
  static double parse(String source, long line, String column, String raw, boolean time)
      throws InputFormatException {
    String text = raw.strip();
    if (text.isEmpty()) {
      if (time) {
        throw InputFormatException.atLine(source, line, "a time in column '" + column + "'");
      }
      return Double.NaN;
    }
    double value;
    try {
      value = isPlainNumber(text) ? Double.parseDouble(text) : Double.NaN;
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!Double.isFinite(value)) {
      throw InputFormatException.atLine(
          source,
          line,
          "a finite number in column '"
              + column
              + "', found \""
              + shorten(text)
              + "\""
              + (time ? "" : " (leave the cell empty for a missing sample)"));
    }
    if (value < 0) {
      throw InputFormatException.atLine(
          source, line, "a value of 0 or more in column '" + column + "', found " + shorten(text));
    }
    return value;
  }

  /**
   * Digits, one dot, an optional sign and exponent: what Double.parseDouble accepts minus words.
   */
  private static boolean isPlainNumber(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** How many times {@code c} occurs outside double quotes. */
  static int countUnquoted(String line, char c) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == c && !quoted) {
        count++;
      }
    }
    return count;
  }

  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }
}
