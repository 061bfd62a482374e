package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound pprof top FILE}: the functions that hold the most. */
@Command(
    name = "top",
    description = "Show the functions (or lines) with the largest flat and cumulative values.",
    mixinStandardHelpOptions = true)
public final class PprofTopCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A profile, or '-' for standard input.")
  String file;

  @Option(
      names = "--sample-index",
      paramLabel = "NAME",
      description = "The sample type to show, e.g. inuse_space (default: the profile's default).")
  String sampleIndex;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("pprof top", 3);
  }
}
