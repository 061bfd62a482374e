package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound hprof FILE}: dominators, retained sizes, leak suspects and their paths. */
@Command(
    name = "hprof",
    description =
        "Analyse a JVM heap dump: histogram, dominators, retained sizes, leak suspects with"
            + " their path to a GC root.",
    mixinStandardHelpOptions = true,
    subcommands = {HprofDiffCommand.class})
public final class HprofCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "0..1", description = "An hprof dump (gzip allowed).")
  String file;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("hprof", 8);
  }
}
