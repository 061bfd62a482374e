package dev.leakhound.server.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One watched service.
 *
 * <p>Immutable.
 *
 * @param name unique name, used in the API, alerts and metrics
 * @param kind {@code go}, {@code prometheus}, {@code process} or {@code jvm}
 * @param labels extra labels copied onto alerts and metrics
 * @param address where to reach it: a base URL for {@code go}, the metrics URL for {@code
 *     prometheus}; empty for {@code process}
 * @param interval how often to scrape
 * @param timeout how long one scrape may take in total
 * @param limits the limits used for time-to-limit
 * @param maxBodyBytes the most bytes read from one response (compressed)
 * @param maxDecompressedBytes the most bytes a response may decompress to
 * @param options kind-specific keys
 * @param line where the target is declared
 */
public record TargetConfig(
    String name,
    String kind,
    Map<String, String> labels,
    String address,
    Duration interval,
    Duration timeout,
    Limits limits,
    long maxBodyBytes,
    long maxDecompressedBytes,
    TargetOptions options,
    int line) {
  public TargetConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    labels = Map.copyOf(labels);
    address = address == null ? "" : address;
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    limits = limits == null ? Limits.NONE : limits;
    options = options == null ? TargetOptions.NONE : options;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }
}
