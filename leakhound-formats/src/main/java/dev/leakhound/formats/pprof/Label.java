package dev.leakhound.formats.pprof;

import java.util.Objects;

/**
 * One label on a sample: a key with either a string value or a number (with an optional unit), as
 * profile.proto's {@code Label} message. Go heap profiles label each sample with {@code bytes}, the
 * object size; a diff labels base samples {@code pprof::base=true}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the label key
 * @param str the string value, or {@code ""} for a numeric label
 * @param num the numeric value (0 for a string label)
 * @param numUnit the unit of {@code num}, or {@code ""} when unknown
 */
public record Label(String key, String str, long num, String numUnit) {
  public Label {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(str, "str");
    Objects.requireNonNull(numUnit, "numUnit");
    if (!str.isEmpty() && (num != 0 || !numUnit.isEmpty())) {
      throw new IllegalArgumentException("a label has a string or a number, not both: " + key);
    }
  }

  /** A string label {@code key=value}. */
  public static Label of(String key, String value) {
    return new Label(key, value, 0, "");
  }

  /** A numeric label {@code key=num} in {@code unit} ({@code ""} when unknown). */
  public static Label ofNumber(String key, long num, String unit) {
    return new Label(key, "", num, unit);
  }

  /** True for a string label; false for a numeric one. */
  public boolean isString() {
    return !str.isEmpty();
  }
}
