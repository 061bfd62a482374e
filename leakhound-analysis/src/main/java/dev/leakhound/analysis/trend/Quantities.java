package dev.leakhound.analysis.trend;

import java.util.Locale;

/**
 * Formats amounts, rates and durations for verdict reasons and the text report: binary byte units
 * (KiB, MiB, GiB), counts, and durations such as {@code 2h 5m}. Stateless and thread-safe.
 */
public final class Quantities {
  private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Quantities() {}

  /** An amount in the signal's unit: {@code 12.3 MiB} or {@code 1,204}. */
  public static String amount(double value, SignalKind.Unit unit) {
    if (unit == SignalKind.Unit.COUNT) {
      return Math.abs(value) >= 100
          ? String.format(Locale.ROOT, "%,d", Math.round(value))
          : String.format(Locale.ROOT, "%.3g", value);
    }
    double v = Math.abs(value);
    int u = 0;
    while (v >= 1024 && u < BYTE_UNITS.length - 1) {
      v /= 1024;
      u++;
    }
    String digits = v >= 100 || u == 0 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f";
    return (value < 0 ? "-" : "") + String.format(Locale.ROOT, digits, v) + " " + BYTE_UNITS[u];
  }

  /** A rate per hour: {@code 12.3 MiB/h}. */
  public static String perHour(double value, SignalKind.Unit unit) {
    return amount(value, unit) + "/h";
  }

  /** A duration: {@code 45s}, {@code 12m}, {@code 3h 10m}, {@code 2d 4h}. */
  public static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      long m = s / 60;
      long r = s % 60;
      return r == 0 || m >= 10 ? m + "m" : m + "m " + r + "s";
    }
    if (s < 86400) {
      long h = s / 3600;
      long m = (s % 3600) / 60;
      return m == 0 ? h + "h" : h + "h " + m + "m";
    }
    long d = s / 86400;
    long h = (s % 86400) / 3600;
    return h == 0 ? d + "d" : d + "d " + h + "h";
  }

  /** A p-value in words: {@code p < 0.001} or {@code p = 0.013}. */
  public static String pValue(double p) {
    if (p < 0.001) {
      return "p < 0.001";
    }
    return String.format(Locale.ROOT, "p = %.3f", p);
  }

  /**
   * Parses a byte size: a number with an optional unit, {@code 536870912}, {@code 512MiB}, {@code
   * 1.5GiB}, {@code 2GB} (decimal units are powers of 1000, binary ones of 1024, {@code k/m/g}
   * alone are binary as in -Xmx). Throws IllegalArgumentException with a message on anything else.
   */
  public static double parseBytes(String text) {
    String s = text.strip().replace("_", "");
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException(
          "expected a size in bytes such as 536870912, 512MiB or 2GB, found \"" + text + "\"");
    }
    double value;
    try {
      value = Double.parseDouble(s.substring(0, i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number of bytes, found \"" + text + "\"", e);
    }
    String unit = s.substring(i).strip().toLowerCase(Locale.ROOT);
    double factor =
        switch (unit) {
          case "", "b" -> 1;
          case "k", "kib", "ki" -> 1024;
          case "m", "mib", "mi" -> 1024.0 * 1024;
          case "g", "gib", "gi" -> 1024.0 * 1024 * 1024;
          case "t", "tib", "ti" -> 1024.0 * 1024 * 1024 * 1024;
          case "kb" -> 1e3;
          case "mb" -> 1e6;
          case "gb" -> 1e9;
          case "tb" -> 1e12;
          default ->
              throw new IllegalArgumentException(
                  "unknown size unit \""
                      + unit
                      + "\" in \""
                      + text
                      + "\" (use B, KiB, MiB, GiB,"
                      + " KB, MB or GB)");
        };
    double bytes = value * factor;
    if (!(bytes > 0) || Double.isInfinite(bytes)) {
      throw new IllegalArgumentException("a size must be positive, found \"" + text + "\"");
    }
    return bytes;
  }

  /**
   * Parses a duration: seconds as a plain number, or with a unit {@code 90s}, {@code 5m}, {@code
   * 2h}, {@code 1d}. Throws IllegalArgumentException with a message on anything else.
   */
  public static double parseDuration(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    double factor = 1;
    if (s.endsWith("ms")) {
      factor = 0.001;
      s = s.substring(0, s.length() - 2);
    } else if (!s.isEmpty() && "smhd".indexOf(s.charAt(s.length() - 1)) >= 0) {
      factor =
          switch (s.charAt(s.length() - 1)) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 1;
          };
      s = s.substring(0, s.length() - 1);
    }
    try {
      double v = Double.parseDouble(s.strip());
      if (v >= 0 && Double.isFinite(v)) {
        return v * factor;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "expected a duration such as 300, 90s, 5m or 1h, found \"" + text + "\"");
  }
}
