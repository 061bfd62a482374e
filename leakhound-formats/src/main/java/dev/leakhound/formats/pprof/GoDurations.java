package dev.leakhound.formats.pprof;

/** Go's {@code time.Duration.String()}, for texts that must read as pprof's. Stateless. */
final class GoDurations {
  private GoDurations() {}

  /** Formats {@code nanos} as Go does: {@code 72h3m0.5s}, {@code 1.5ms}, {@code 0s}. */
  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    // Work on the unsigned magnitude, as Go does (Long.MIN_VALUE stays representable).
    long u = negative ? -nanos : nanos;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      int precision;
      String unit;
      if (u < 1_000L) {
        return (negative ? "-" : "") + u + "ns";
      } else if (u < 1_000_000L) {
        precision = 3;
        unit = "µs";
      } else {
        precision = 6;
        unit = "ms";
      }
      out.append(fraction(u, precision)).append(unit);
    } else {
      long seconds = Long.divideUnsigned(u, 1_000_000_000L);
      long frac = Long.remainderUnsigned(u, 1_000_000_000L);
      String secondsText = fraction(Long.remainderUnsigned(seconds, 60) * 1_000_000_000L + frac, 9);
      long minutes = Long.divideUnsigned(seconds, 60);
      if (minutes == 0) {
        out.append(secondsText).append('s');
      } else {
        long hours = minutes / 60;
        minutes %= 60;
        if (hours > 0) {
          out.append(hours).append('h');
        }
        out.append(minutes).append('m').append(secondsText).append('s');
      }
    }
    return (negative ? "-" : "") + out;
  }

  /** {@code v / 10^precision} with trailing zeros (and a bare point) removed. */
  private static String fraction(long v, int precision) {
    long scale = 1;
    for (int i = 0; i < precision; i++) {
      scale *= 10;
    }
    long whole = v / scale;
    long rest = v % scale;
    if (rest == 0) {
      return Long.toString(whole);
    }
    String digits =
        String.format(java.util.Locale.ROOT, "%0" + precision + "d", rest).replaceAll("0+$", "");
    return whole + "." + digits;
  }
}
