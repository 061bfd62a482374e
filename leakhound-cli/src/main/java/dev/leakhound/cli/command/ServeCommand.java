package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leakhound serve}: the watch service. */
@Command(
    name = "serve",
    description =
        "Watch the configured services: collect, store, detect, diagnose, alert, and serve the"
            + " dashboard.",
    mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "The YAML configuration.")
  Path config;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("serve", 5);
  }
}
