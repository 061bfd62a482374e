package dev.leakhound.cli.watch;

import dev.leakhound.cli.UsageException;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.config.ConfigLoader;
import dev.leakhound.server.config.InvalidConfigException;
import dev.leakhound.server.config.WatchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and loads the watch service's configuration for {@code serve} and {@code check}: the file
 * given, else {@code ./leakhound.yaml}. A missing file is bad usage (exit 64); a file with problems
 * is bad data (exit 65, every problem listed).
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigFiles {
  /** Looked for in the working directory when no {@code --config} is given. */
  public static final String DEFAULT = "leakhound.yaml";

  private ConfigFiles() {}

  public static WatchConfig load(Path file) throws IOException, InvalidConfigException {
    Path f = file == null ? Path.of(DEFAULT) : file;
    if (!Files.isRegularFile(f)) {
      throw new UsageException(
          file == null
              ? "no configuration: pass --config FILE or create ./"
                  + DEFAULT
                  + " (examples/leakhound.yaml shows every setting)"
              : "no such configuration file: " + f);
    }
    return ConfigLoader.load(f, CollectorRegistry.standard().specs());
  }
}
