package dev.leakhound.server.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations and sizes as people write them in configuration: Go-style durations ({@code 500ms},
 * {@code 15s}, {@code 1m30s}, {@code 2h}, {@code 7d}) and byte sizes with binary or decimal
 * suffixes ({@code 512MiB}, {@code 1GiB}, {@code 1.5GB}, {@code 64k}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Units {
  private Units() {}

  /** A duration, or null when {@code text} is not one. */
  public static Duration parseDuration(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    long nanos = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        return null;
      }
      double amount;
      try {
        amount = Double.parseDouble(s.substring(start, i));
      } catch (NumberFormatException e) {
        return null;
      }
      int unitStart = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))) {
        i++;
      }
      long unit =
          switch (s.substring(unitStart, i)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> -1L;
          };
      if (unit < 0 || amount * unit > 1e18) {
        return null;
      }
      nanos += Math.round(amount * unit);
    }
    return Duration.ofNanos(nanos);
  }

  /** A short form of {@code d}: {@code 15s}, {@code 1m30s}, {@code 2h}, {@code 250ms}. */
  public static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    StringBuilder sb = new StringBuilder();
    long s = d.toSeconds();
    long days = s / 86400;
    if (days > 0) {
      sb.append(days).append('d');
    }
    long h = s % 86400 / 3600;
    long m = s % 3600 / 60;
    long sec = s % 60;
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0) {
      sb.append(m).append('m');
    }
    if (sec > 0 || sb.isEmpty()) {
      sb.append(sec).append('s');
    }
    return sb.toString();
  }

  /** A size in bytes, or -1 when {@code text} is not one. */
  public static long parseBytes(String text) {
    String s = text.strip();
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      return -1;
    }
    double amount;
    try {
      amount = Double.parseDouble(s.substring(0, i));
    } catch (NumberFormatException e) {
      return -1;
    }
    String suffix = s.substring(i).strip();
    double scale =
        switch (suffix.toLowerCase(Locale.ROOT)) {
          case "", "b" -> 1;
          case "k", "kb" -> 1e3;
          case "m", "mb" -> 1e6;
          case "g", "gb" -> 1e9;
          case "t", "tb" -> 1e12;
          case "ki", "kib" -> 1024.0;
          case "mi", "mib" -> 1024.0 * 1024;
          case "gi", "gib" -> 1024.0 * 1024 * 1024;
          case "ti", "tib" -> 1024.0 * 1024 * 1024 * 1024;
          default -> -1;
        };
    if (scale < 0 || amount * scale > 9e18) {
      return -1;
    }
    return Math.round(amount * scale);
  }

  /** A number with an optional size or count suffix ({@code 1GiB}, {@code 10k}), or NaN. */
  public static double parseQuantity(String text) {
    long bytes = parseBytes(text);
    if (bytes >= 0) {
      String s = text.strip();
      // "1.5" has no suffix: keep the fraction that parseBytes rounded away.
      boolean plain = !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1));
      if (plain) {
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
      return bytes;
    }
    return Double.NaN;
  }

  /** A size for people: {@code 512 B}, {@code 3.2 KiB}, {@code 1.5 GiB}. */
  public static String formatBytes(double bytes) {
    double abs = Math.abs(bytes);
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (abs >= 1024 && u < units.length - 1) {
      abs /= 1024;
      bytes /= 1024;
      u++;
    }
    if (u == 0) {
      return String.format(Locale.ROOT, "%.0f %s", bytes, units[u]);
    }
    return String.format(Locale.ROOT, abs >= 100 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  }
}
