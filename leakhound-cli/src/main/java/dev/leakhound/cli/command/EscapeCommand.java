package dev.leakhound.cli.command;

import dev.leakhound.analysis.escape.EscapeAnalyzer;
import dev.leakhound.analysis.escape.EscapeReport;
import dev.leakhound.analysis.escape.EscapeTextRenderer;
import dev.leakhound.analysis.source.SourceFiles;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.escape.EscapeOutput;
import dev.leakhound.formats.escape.EscapeOutputReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound escape}: Summarise go build -gcflags=-m output: what escapes to the heap, and
 * where.
 */
@Command(
    name = "escape",
    description = {
      "Summarise go build -gcflags=-m output: what escapes to the heap, and where.",
      "Make the input with: go build -gcflags=-m ./... 2> escape.txt (or -gcflags='-m -m' for"
          + " exact functions and the reasons)."
    },
    mixinStandardHelpOptions = true)
public final class EscapeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Compiler output; '-' for stdin.")
  String file;

  @Mixin TextOrJsonOutput out;

  @Option(
      names = "--base",
      paramLabel = "FILE",
      description = "The same build's output before a change: report what newly escapes.")
  String base;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description =
          "Where the Go sources are (repeatable; default: paths as printed, from the current"
              + " directory): ties each site to its function exactly.")
  List<Path> sourceRoots = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if ("-".equals(file) && "-".equals(base)) {
      throw new UsageException("standard input ('-') can be given once");
    }
    EscapeOutputReader reader = new EscapeOutputReader();
    EscapeOutput current = reader.read(file);
    EscapeOutput before = base == null ? null : reader.read(base);
    EscapeReport report =
        new EscapeAnalyzer(SourceFiles.under(sourceRoots)).analyze(current, before);
    out.write(new EscapeTextRenderer(), report);
    return ExitCodes.OK;
  }
}
