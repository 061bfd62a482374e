package dev.leakhound.formats.prometheus;

import java.util.Map;
import java.util.Objects;

/**
 * One sample line of an exposition: the sample name (which may carry a suffix such as {@code
 * _bucket} or {@code _total}), its labels in the order written, the value, and the timestamp when
 * the line has one.
 *
 * <p>Immutable.
 *
 * @param name the sample name, e.g. {@code go_gc_duration_seconds_count}
 * @param labels label names to values, in the order they were written; unmodifiable
 * @param value the value; NaN and infinities are allowed
 * @param timestampMillis milliseconds since the epoch, or {@link #NO_TIMESTAMP}
 */
public record MetricSample(
    String name, Map<String, String> labels, double value, long timestampMillis) {
  /** The value of {@link #timestampMillis} when the line carries no timestamp. */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  public MetricSample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labels, "labels");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a sample needs a name");
    }
  }

  /** The value of label {@code name}, or null when the sample has no such label. */
  public String label(String name) {
    return labels.get(name);
  }

  public boolean hasTimestamp() {
    return timestampMillis != NO_TIMESTAMP;
  }
}
