package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leakhound check}: a CI gate that watches while a load test runs. */
@Command(
    name = "check",
    description =
        "Watch the configured services for a while (during a load test) and exit 3 with the"
            + " report if one leaks.",
    mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML config.")
  Path config;

  @Option(
      names = "--duration",
      required = true,
      paramLabel = "DURATION",
      description = "How long to watch, e.g. 10m.")
  String duration;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or junit (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("check", 5);
  }
}
