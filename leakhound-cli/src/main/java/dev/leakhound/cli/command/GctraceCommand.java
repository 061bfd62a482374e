package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound gctrace}: Read a GODEBUG=gctrace=1 log: GC cycles, live heap trend,
 * GOGC/GOMEMLIMIT advice.
 */
@Command(
    name = "gctrace",
    description =
        "Read a GODEBUG=gctrace=1 log: GC cycles, live heap trend, GOGC/GOMEMLIMIT advice.",
    mixinStandardHelpOptions = true)
public final class GctraceCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A log holding gctrace lines; '-' for stdin.")
  String file;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("gctrace", 3);
  }
}
