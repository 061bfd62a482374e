package dev.leakhound.server.collect;

import dev.leakhound.server.config.TargetKindSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target kinds Leakhound knows, by the name used in {@code kind:}. The configuration loader
 * validates targets through it and the watcher creates collectors through it.
 *
 * <p>Immutable and thread-safe.
 */
public final class CollectorRegistry {
  private final Map<String, TargetKind> kinds;

  public CollectorRegistry(List<TargetKind> kinds) {
    Map<String, TargetKind> byName = new LinkedHashMap<>();
    for (TargetKind k : kinds) {
      if (byName.put(k.name(), k) != null) {
        throw new IllegalArgumentException("two target kinds named " + k.name());
      }
    }
    this.kinds = Map.copyOf(byName);
  }

  /** The built-in kinds: go, prometheus, process, jvm. */
  public static CollectorRegistry standard() {
    return new CollectorRegistry(
        List.of(
            new GoTargetKind(),
            new PrometheusTargetKind(),
            new ProcessTargetKind(),
            new JvmTargetKind()));
  }

  /** The kind named {@code name}, or null. */
  public TargetKind kind(String name) {
    return kinds.get(name);
  }

  /** The kinds as the configuration loader wants them. */
  public Map<String, TargetKindSpec> specs() {
    return Map.copyOf(kinds);
  }
}
