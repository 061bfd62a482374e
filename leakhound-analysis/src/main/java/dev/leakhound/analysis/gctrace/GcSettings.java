package dev.leakhound.analysis.gctrace;

/**
 * What the user knows about the program's GC settings; either may be null (unknown).
 *
 * @param gomemlimitBytes GOMEMLIMIT in bytes
 * @param gogc GOGC (a percentage; 0 or negative is not a valid value here, "off" is not supported)
 */
public record GcSettings(Long gomemlimitBytes, Integer gogc) {
  public static final GcSettings UNKNOWN = new GcSettings(null, null);

  public GcSettings {
    if (gomemlimitBytes != null && gomemlimitBytes <= 0) {
      throw new IllegalArgumentException("GOMEMLIMIT must be positive: " + gomemlimitBytes);
    }
    if (gogc != null && gogc <= 0) {
      throw new IllegalArgumentException("GOGC must be positive: " + gogc);
    }
  }

  /**
   * Parses a GOMEMLIMIT value as Go does: an integer with an optional unit B, KiB, MiB, GiB or TiB
   * (also accepted: KB, MB, GB, TB as the same binary units, and lower case).
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static long parseMemoryLimit(String text) {
    String t = text.strip();
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 18) {
      throw new IllegalArgumentException(
          "a memory limit like 512MiB or 2GiB or 1073741824, not '" + text + "'");
    }
    long value = Long.parseLong(t.substring(0, i));
    String unit = t.substring(i).strip().toLowerCase(java.util.Locale.ROOT);
    int shift =
        switch (unit) {
          case "", "b" -> 0;
          case "kib", "kb", "k" -> 10;
          case "mib", "mb", "m" -> 20;
          case "gib", "gb", "g" -> 30;
          case "tib", "tb", "t" -> 40;
          default ->
              throw new IllegalArgumentException(
                  "a memory limit unit B, KiB, MiB, GiB or TiB, not '" + text + "'");
        };
    if (value <= 0 || value > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("a positive memory limit that fits, not '" + text + "'");
    }
    return value << shift;
  }
}
