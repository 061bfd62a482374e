package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound gclog}: Read a JVM unified GC log: pauses, heap after GC and its verdict, tuning
 * advice.
 */
@Command(
    name = "gclog",
    description =
        "Read a JVM unified GC log: pauses, heap after GC and its verdict, tuning advice.",
    mixinStandardHelpOptions = true)
public final class GclogCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A -Xlog:gc* log; '-' for stdin.")
  String file;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("gclog", 7);
  }
}
