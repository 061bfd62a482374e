package dev.leakhound.formats.prometheus;

import java.util.List;
import java.util.Objects;

/**
 * A metric family: the samples that share a name (and, for histograms, summaries and OpenMetrics
 * counters, the suffixed sample names that belong to it), with the type, help and unit declared for
 * it.
 *
 * <p>Immutable.
 *
 * @param name the family name, e.g. {@code go_gc_duration_seconds}
 * @param type the declared type; {@link MetricType#UNTYPED} when none was declared
 * @param help the help text, unescaped; empty when none
 * @param unit the OpenMetrics unit; empty when none
 * @param samples the samples in the order written
 */
public record MetricFamily(
    String name, MetricType type, String help, String unit, List<MetricSample> samples) {
  public MetricFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(unit, "unit");
    samples = List.copyOf(samples);
  }
}
