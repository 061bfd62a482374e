package dev.leakhound.server.config;

import java.util.Map;

/**
 * The kind-specific keys of a target ({@code pid} and {@code match} for a process, {@code
 * metricsPath} for Go, ...) as written, with their lines so the kind can report problems.
 *
 * <p>Immutable.
 */
public record TargetOptions(Map<String, String> values, Map<String, Integer> lines) {
  public static final TargetOptions NONE = new TargetOptions(Map.of(), Map.of());

  public TargetOptions {
    values = Map.copyOf(values);
    lines = Map.copyOf(lines);
  }

  /** The value of {@code key}, or null. */
  public String get(String key) {
    return values.get(key);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The line of {@code key}, or {@code fallback} when it is not set. */
  public int line(String key, int fallback) {
    return lines.getOrDefault(key, fallback);
  }
}
