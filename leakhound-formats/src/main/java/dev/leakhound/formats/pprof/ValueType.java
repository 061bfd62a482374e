package dev.leakhound.formats.pprof;

import java.util.Objects;

/**
 * What a sample value (or the sampling period) measures: a type such as {@code inuse_space} and a
 * unit such as {@code bytes}. Either may be empty, as in profile.proto.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type what is measured, e.g. {@code alloc_objects}, {@code cpu}
 * @param unit its unit, e.g. {@code count}, {@code bytes}, {@code nanoseconds}
 */
public record ValueType(String type, String unit) {
  /** A value type with neither type nor unit (what profile.proto decodes when absent). */
  public static final ValueType EMPTY = new ValueType("", "");

  public ValueType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
  }

  /** True when both type and unit are empty. */
  public boolean isEmpty() {
    return type.isEmpty() && unit.isEmpty();
  }

  @Override
  public String toString() {
    return type + "/" + unit;
  }
}
