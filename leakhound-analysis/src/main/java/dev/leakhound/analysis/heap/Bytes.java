package dev.leakhound.analysis.heap;

import java.util.Locale;

/** Formats byte counts for people: {@code 12.3 MB}. Stateless. */
final class Bytes {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  private Bytes() {}

  static String format(long bytes) {
    double v = Math.abs(bytes);
    int u = 0;
    while (v >= 1024 && u < UNITS.length - 1) {
      v /= 1024;
      u++;
    }
    String sign = bytes < 0 ? "-" : "";
    return u == 0
        ? sign + (long) v + " B"
        : String.format(Locale.ROOT, "%s%.1f %s", sign, v, UNITS[u]);
  }
}
