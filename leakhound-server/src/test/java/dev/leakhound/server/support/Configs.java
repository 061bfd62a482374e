package dev.leakhound.server.support;

import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.config.ConfigLoader;
import dev.leakhound.server.config.WatchConfig;
import java.nio.file.Path;
import java.util.Map;

/** Builds configurations for tests from YAML text. */
public final class Configs {
  private Configs() {}

  /** Parses {@code yaml} with relative paths resolved against {@code dir}. */
  public static WatchConfig parse(Path dir, String yaml) throws Exception {
    return ConfigLoader.parse(
        "test.yaml", yaml, dir, CollectorRegistry.standard().specs(), Map.of());
  }
}
