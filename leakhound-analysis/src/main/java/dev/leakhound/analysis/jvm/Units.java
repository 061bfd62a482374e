package dev.leakhound.analysis.jvm;

import java.util.Locale;

/**
 * Numbers as the text renderers print them: binary byte units with a sign for deltas, grouped
 * counts, milliseconds. Stateless and thread-safe.
 */
final class Units {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Units() {}

  /** {@code 12.3 MiB}; bytes below 1 KiB are exact. */
  static String bytes(long bytes) {
    double v = Math.abs((double) bytes);
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

  /** {@code +12.3 MiB}, {@code -4.0 KiB}, {@code 0 B}. */
  static String bytesDelta(long bytes) {
    return (bytes > 0 ? "+" : "") + bytes(bytes);
  }

  /** {@code +169,443}. */
  static String countDelta(long count) {
    return String.format(Locale.ROOT, "%+,d", count);
  }

  /** {@code 1,234}. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** {@code 3.46 ms}, {@code 1.2 s}. */
  static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "?";
    }
    if (ms >= 10_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
    return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : "%.2f ms", ms);
  }
}
