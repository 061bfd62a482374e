package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound escape}: Summarise go build -gcflags=-m output: what escapes to the heap, and
 * where.
 */
@Command(
    name = "escape",
    description = "Summarise go build -gcflags=-m output: what escapes to the heap, and where.",
    mixinStandardHelpOptions = true)
public final class EscapeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Compiler output; '-' for stdin.")
  String file;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("escape", 3);
  }
}
