package dev.leakhound.formats.pprof;

import java.util.List;

/**
 * One sample of a {@link Profile}, materialized for convenience: its stack (leaf first), its values
 * (one per sample type) and labels. Hot paths read the profile's primitive accessors instead
 * ({@link Profile#value}, {@link Profile#stackLocation}); this view allocates.
 *
 * <p>Immutable and thread-safe.
 *
 * @param locations the call stack, leaf (innermost) first
 * @param values one value per {@link Profile#sampleTypes() sample type}
 * @param labels the sample's labels, in profile order
 */
public record Sample(List<Location> locations, List<Long> values, List<Label> labels) {
  public Sample {
    locations = List.copyOf(locations);
    values = List.copyOf(values);
    labels = List.copyOf(labels);
  }
}
