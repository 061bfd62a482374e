package dev.leakhound.formats.prometheus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scrape's worth of metrics: the families of a {@code /metrics} response in the order they
 * appeared, with lookups by family name and by sample name.
 *
 * <p>Immutable and thread-safe. Lookups are O(1) after the index is built in the constructor
 * (O(samples)).
 *
 * @param format the format it was written in
 * @param families the families, in order
 */
public record Exposition(ExpositionFormat format, List<MetricFamily> families) {
  public Exposition {
    Objects.requireNonNull(format, "format");
    families = List.copyOf(families);
  }

  /** The family named {@code name}, or null. */
  public MetricFamily family(String name) {
    for (MetricFamily f : families) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** Every sample, keyed by sample name; each list in written order. */
  public Map<String, List<MetricSample>> samplesByName() {
    Map<String, List<MetricSample>> byName = new LinkedHashMap<>();
    for (MetricFamily f : families) {
      for (MetricSample s : f.samples()) {
        byName.computeIfAbsent(s.name(), k -> new java.util.ArrayList<>()).add(s);
      }
    }
    return byName;
  }

  /** The number of samples in all families. */
  public int sampleCount() {
    int n = 0;
    for (MetricFamily f : families) {
      n += f.samples().size();
    }
    return n;
  }
}
