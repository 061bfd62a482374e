package dev.leakhound.formats.jvm;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Splits a unified-logging line into its decorations and its message. The JVM prints the
 * decorations a user chose ({@code -Xlog:gc*:file=gc.log:time,uptime,level,tags} and any other
 * combination, or {@code none}) as bracketed fields before the message; each field is recognised by
 * its content, not its position: {@code 0.012s} or {@code 0,012s} (uptime), {@code 12ms} / {@code
 * 12ns} (uptime in milli/nanoseconds, or the wall clock when the number is an epoch), an ISO date
 * (time, utctime); the level, tags, pid, tid and hostname fields are skipped.
 *
 * <p>Not thread-safe: one instance per reader, reused for every line. Cost: no allocation for the
 * common decorations.
 */
final class LogDecorations {
  static final int NO_TIME = 0;
  static final int UPTIME = 1;
  static final int WALLCLOCK = 2;

  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final double EPOCH_MILLIS_FLOOR = 1e11; // 1973: smaller is an uptime
  private static final double EPOCH_NANOS_FLOOR = 1e17;

  private double uptimeSeconds;
  private double wallSeconds;
  private int uptimeRank;

  /** The best time this line carries, in seconds; NaN when none. */
  double seconds;

  /** {@link #UPTIME}, {@link #WALLCLOCK} or {@link #NO_TIME}. */
  int timeKind;

  /** Parses {@code line}'s decorations; returns the index where the message starts. */
  int parse(String line) {
    uptimeSeconds = Double.NaN;
    wallSeconds = Double.NaN;
    uptimeRank = 0;
    int i = 0;
    int n = line.length();
    while (i < n && line.charAt(i) == '[') {
      int close = line.indexOf(']', i + 1);
      if (close < 0) {
        break;
      }
      classify(line, i + 1, close);
      i = close + 1;
    }
    if (i > 0 && i < n && line.charAt(i) == ' ') {
      i++;
    }
    if (uptimeRank > 0) {
      seconds = uptimeSeconds;
      timeKind = UPTIME;
    } else if (!Double.isNaN(wallSeconds)) {
      seconds = wallSeconds;
      timeKind = WALLCLOCK;
    } else {
      seconds = Double.NaN;
      timeKind = NO_TIME;
    }
    return i;
  }

  private void classify(String line, int start, int end) {
    while (start < end && line.charAt(start) == ' ') {
      start++;
    }
    while (end > start && line.charAt(end - 1) == ' ') {
      end--;
    }
    int length = end - start;
    if (length == 0) {
      return;
    }
    char last = line.charAt(end - 1);
    if (length >= 5 && Character.isDigit(line.charAt(start)) && line.charAt(start + 4) == '-') {
      wallClock(line.substring(start, end));
      return;
    }
    if (last == 's' && length >= 2) {
      char unit = line.charAt(end - 2);
      if (unit == 'm' || unit == 'n') {
        long value = digits(line, start, end - 2);
        if (value >= 0) {
          boolean nanos = unit == 'n';
          double asSeconds = nanos ? value / 1e9 : value / 1e3;
          if (value >= (nanos ? EPOCH_NANOS_FLOOR : EPOCH_MILLIS_FLOOR)) {
            wallSeconds = asSeconds;
          } else {
            setUptime(asSeconds, nanos ? 1 : 2);
          }
        }
        return;
      }
      double value = decimal(line, start, end - 1);
      if (!Double.isNaN(value)) {
        setUptime(value, 3);
      }
    }
    // Level, tags, pid, tid and hostname: nothing this reader needs.
  }

  private void setUptime(double value, int rank) {
    if (rank > uptimeRank) {
      uptimeSeconds = value;
      uptimeRank = rank;
    }
  }

  private void wallClock(String text) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(text, ISO_WITH_OFFSET);
      wallSeconds = t.toEpochSecond() + t.getNano() / 1e9;
    } catch (DateTimeParseException e) {
      // Not a date after all (a hostname such as 2024-build): ignore the field.
    }
  }

  /** The digits in [start, end) as a number, or -1 when they are not all digits or too many. */
  private static long digits(String s, int start, int end) {
    if (start == end || end - start > 18) {
      return -1;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** {@code 12.345} or {@code 12,345} (some locales) as a number, NaN when it is not one. */
  static double decimal(String s, int start, int end) {
    long whole = 0;
    long fraction = 0;
    long scale = 1;
    boolean point = false;
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 18) {
          return Double.NaN;
        }
        if (point) {
          fraction = fraction * 10 + (c - '0');
          scale *= 10;
        } else {
          whole = whole * 10 + (c - '0');
        }
      } else if ((c == '.' || c == ',') && !point && i > start && i < end - 1) {
        point = true;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    return whole + (double) fraction / scale;
  }
}
