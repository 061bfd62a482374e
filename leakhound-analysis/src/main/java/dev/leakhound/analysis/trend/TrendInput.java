package dev.leakhound.analysis.trend;

import java.util.Arrays;

/**
 * One memory signal over time, with its optional companions, as the verdict engine reads it:
 * timestamps (unix seconds, strictly increasing) and values on primitive arrays; a GC cycle counter
 * (marks the samples right after a collection), the process start time (marks restarts), a
 * cumulative request counter (load), all aligned with the timestamps; and a limit (GOMEMLIMIT,
 * -Xmx, a cgroup limit) in the signal's unit.
 *
 * <p>A NaN value is a missing sample; a NaN companion value is unknown at that time. Values must
 * otherwise be finite and non-negative.
 *
 * <p>Immutable: arrays are copied in and never handed out. Thread-safe. Memory: 8 bytes per sample
 * and array.
 */
public final class TrendInput {
  private final SignalKind kind;
  private final double[] times;
  private final double[] values;
  private final double[] gcCycles;
  private final double[] processStarts;
  private final double[] requests;
  private final double limit;

  private TrendInput(Builder b) {
    this.kind = b.kind;
    this.times = b.times;
    this.values = b.values;
    this.gcCycles = b.gcCycles;
    this.processStarts = b.processStarts;
    this.requests = b.requests;
    this.limit = b.limit;
    checkValid();
  }

  /** A signal with no companions. */
  public static TrendInput of(SignalKind kind, double[] times, double[] values) {
    return builder(kind, times, values).build();
  }

  /** Starts an input; add companions on the builder. The arrays are copied. */
  public static Builder builder(SignalKind kind, double[] times, double[] values) {
    return new Builder(kind, times, values);
  }

  private void checkValid() {
    if (kind == null) {
      throw new IllegalArgumentException("a signal kind is required");
    }
    if (times.length != values.length) {
      throw new IllegalArgumentException(
          "times and values differ in length: " + times.length + " and " + values.length);
    }
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
        throw new IllegalArgumentException(
            "times must be finite and strictly increasing; index " + i + " is " + times[i]);
      }
      if (!Double.isNaN(values[i]) && !(values[i] >= 0 && values[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "values must be finite and non-negative (or NaN if missing); index "
                + i
                + " is "
                + values[i]);
      }
    }
    checkCompanion("gcCycles", gcCycles);
    checkCompanion("processStarts", processStarts);
    checkCompanion("requests", requests);
    if (!Double.isNaN(limit) && !(limit > 0 && limit < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("a limit must be positive and finite, got " + limit);
    }
  }

  private void checkCompanion(String name, double[] companion) {
    if (companion == null) {
      return;
    }
    if (companion.length != times.length) {
      throw new IllegalArgumentException(name + " must have one value per time");
    }
    for (double v : companion) {
      if (!Double.isNaN(v) && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(name + " values must be finite and non-negative");
      }
    }
  }

  public SignalKind kind() {
    return kind;
  }

  /** Number of samples, missing ones included. */
  public int size() {
    return times.length;
  }

  /** The time of sample i, unix seconds. */
  public double time(int i) {
    return times[i];
  }

  /** The value of sample i (NaN when missing). */
  public double value(int i) {
    return values[i];
  }

  public boolean hasGcCycles() {
    return gcCycles != null;
  }

  /** The GC cycle count at sample i (NaN when unknown or absent). */
  public double gcCycle(int i) {
    return gcCycles == null ? Double.NaN : gcCycles[i];
  }

  public boolean hasProcessStarts() {
    return processStarts != null;
  }

  /** The process start time at sample i, unix seconds (NaN when unknown or absent). */
  public double processStart(int i) {
    return processStarts == null ? Double.NaN : processStarts[i];
  }

  public boolean hasRequests() {
    return requests != null;
  }

  /** The cumulative request count at sample i (NaN when unknown or absent). */
  public double requests(int i) {
    return requests == null ? Double.NaN : requests[i];
  }

  /** The limit in the signal's unit, or NaN when none is known. */
  public double limit() {
    return limit;
  }

  /**
   * The first {@code count} samples, as a watcher that evaluates as data arrives would have seen
   * them. O(count).
   */
  public TrendInput head(int count) {
    if (count < 0 || count > times.length) {
      throw new IllegalArgumentException("head(" + count + ") of " + times.length + " samples");
    }
    Builder b = new Builder(kind, Arrays.copyOf(times, count), Arrays.copyOf(values, count));
    b.gcCycles = gcCycles == null ? null : Arrays.copyOf(gcCycles, count);
    b.processStarts = processStarts == null ? null : Arrays.copyOf(processStarts, count);
    b.requests = requests == null ? null : Arrays.copyOf(requests, count);
    b.limit = limit;
    return new TrendInput(b);
  }

  /** Collects an input's parts; not thread-safe. */
  public static final class Builder {
    private final SignalKind kind;
    private final double[] times;
    private final double[] values;
    private double[] gcCycles;
    private double[] processStarts;
    private double[] requests;
    private double limit = Double.NaN;

    private Builder(SignalKind kind, double[] times, double[] values) {
      this.kind = kind;
      this.times = times.clone();
      this.values = values.clone();
    }

    /** A GC cycle counter aligned with the times: it advances when a collection ran. */
    public Builder gcCycles(double[] counts) {
      this.gcCycles = counts == null ? null : counts.clone();
      return this;
    }

    /** The process start time (unix seconds) aligned with the times: it changes at a restart. */
    public Builder processStarts(double[] starts) {
      this.processStarts = starts == null ? null : starts.clone();
      return this;
    }

    /** A cumulative request counter aligned with the times: its rate is the load. */
    public Builder requests(double[] counter) {
      this.requests = counter == null ? null : counter.clone();
      return this;
    }

    /** The limit in the signal's unit (NaN for none). */
    public Builder limit(double limit) {
      this.limit = limit;
      return this;
    }

    /** Validates and builds; throws IllegalArgumentException on inconsistent parts. */
    public TrendInput build() {
      return new TrendInput(this);
    }
  }
}
