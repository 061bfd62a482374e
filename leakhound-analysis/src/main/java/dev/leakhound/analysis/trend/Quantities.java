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
}
