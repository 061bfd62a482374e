package dev.leakhound.formats.expvar;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a Go service's {@code /debug/vars} (package {@code expvar}) says about it: the numeric
 * fields of {@code memstats} (runtime.MemStats: {@code HeapAlloc}, {@code HeapInuse}, {@code
 * NextGC}, {@code NumGC}, {@code Sys}, ...) and every other numeric variable, nested ones named
 * with dots ({@code shop.orders}).
 *
 * <p>Immutable.
 *
 * @param memstats numeric {@code memstats} fields by their Go name; empty when absent
 * @param vars other numeric variables by dotted name
 * @param cmdline the {@code cmdline} variable joined by spaces, or empty
 */
public record ExpvarSnapshot(
    Map<String, Double> memstats, Map<String, Double> vars, String cmdline) {
  public ExpvarSnapshot {
    memstats = Map.copyOf(memstats);
    vars = Map.copyOf(vars);
    cmdline = cmdline == null ? "" : cmdline;
  }

  /** A memstats field, e.g. {@code memstat("HeapInuse")}. */
  public OptionalDouble memstat(String field) {
    Double v = memstats.get(field);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** True when the document had a {@code memstats} object. */
  public boolean hasMemstats() {
    return !memstats.isEmpty();
  }
}
