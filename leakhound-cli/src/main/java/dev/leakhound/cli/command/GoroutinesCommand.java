package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound goroutines}: Group goroutine dumps by stack and name the ones that pile up
 * blocked.
 */
@Command(
    name = "goroutines",
    description = "Group goroutine dumps by stack and name the ones that pile up blocked.",
    mixinStandardHelpOptions = true)
public final class GoroutinesCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Goroutine dumps (debug=1, debug=2, proto), oldest first; '-' for stdin.")
  java.util.List<String> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("goroutines", 3);
  }
}
