package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound trend}: Decide whether a memory series leaks: verdict, growth per hour, time to
 * the limit.
 */
@Command(
    name = "trend",
    description =
        "Decide whether a memory series leaks: verdict, growth per hour, time to the limit.",
    mixinStandardHelpOptions = true)
public final class TrendCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE.csv", description = "A CSV with a header and a time column.")
  String file;

  @Option(names = "--column", paramLabel = "NAME", description = "The signal column to judge.")
  String column;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("trend", 4);
  }
}
