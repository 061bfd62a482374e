package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound histo diff BASE CURRENT}: the classes that grew. */
@Command(
    name = "diff",
    description = "Rank the classes whose instances and bytes grew from BASE to CURRENT.",
    mixinStandardHelpOptions = true)
public final class HistoDiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "The earlier histogram.")
  String base;

  @Parameters(index = "1", paramLabel = "CURRENT", description = "The later histogram.")
  String current;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("histo diff", 7);
  }
}
