package dev.leakhound.server.collect;

import dev.leakhound.server.signal.Signal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one scrape found: the signal values at one instant, and what identifies the process lifetime
 * they belong to (a change of {@code lifetime} is a restart: detection starts a new segment and
 * baselines are taken again).
 *
 * <p>Immutable.
 *
 * @param timeMillis when the scrape completed
 * @param values signal values; a signal absent from the map was not measured this time (the heap
 *     floor, for instance, only when a new GC cycle completed)
 * @param lifetime identifies the process lifetime (start time, pid + start ticks); empty when the
 *     target cannot say
 * @param notes non-fatal observations ("no go_* metrics; judged on RSS")
 */
public record Scrape(
    long timeMillis, Map<Signal, Double> values, String lifetime, List<String> notes) {
  public Scrape {
    EnumMap<Signal, Double> copy = new EnumMap<>(Signal.class);
    copy.putAll(values);
    values = Collections.unmodifiableMap(copy);
    lifetime = lifetime == null ? "" : lifetime;
    notes = List.copyOf(notes);
  }

  /** The value of {@code signal}, or NaN when it was not measured. */
  public double value(Signal signal) {
    Double v = values.get(signal);
    return v == null ? Double.NaN : v;
  }
}
