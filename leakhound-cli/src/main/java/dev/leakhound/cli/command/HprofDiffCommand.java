package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound hprof diff BASE CURRENT}: what grew between two dumps of one process. */
@Command(
    name = "diff",
    description = "Show what grew between two heap dumps, by class and by dominator path.",
    mixinStandardHelpOptions = true)
public final class HprofDiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "The earlier dump.")
  String base;

  @Parameters(index = "1", paramLabel = "CURRENT", description = "The later dump.")
  String current;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("hprof diff", 8);
  }
}
