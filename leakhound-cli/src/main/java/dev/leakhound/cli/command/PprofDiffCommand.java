package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound pprof diff BASE CURRENT}: what grew between two profiles. */
@Command(
    name = "diff",
    description = "Show what grew from BASE to CURRENT (BASE scaled by -1 and merged, as pprof).",
    mixinStandardHelpOptions = true)
public final class PprofDiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "The earlier profile.")
  String base;

  @Parameters(index = "1", paramLabel = "CURRENT", description = "The later profile.")
  String current;

  @Option(names = "--sample-index", paramLabel = "NAME", description = "The sample type to show.")
  String sampleIndex;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or pprof (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output (required for --format pprof).")
  Path output;

  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("pprof diff", 3);
  }
}
