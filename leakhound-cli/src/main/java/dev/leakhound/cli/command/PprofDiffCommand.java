package dev.leakhound.cli.command;

import dev.leakhound.analysis.profile.PprofRenderer;
import dev.leakhound.analysis.profile.ProfileAlgebra;
import dev.leakhound.analysis.profile.TopReport;
import dev.leakhound.analysis.profile.TopTextRenderer;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Output;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.io.Inputs;
import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.pprof.Profile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound pprof diff BASE CURRENT}: what grew between two profiles. */
@Command(
    name = "diff",
    description = {
      "Show what grew from BASE to CURRENT, largest growth first: BASE is scaled by -1 and"
          + " merged, as 'go tool pprof -top -diff_base BASE CURRENT'; percentages are of"
          + " BASE's total.",
      "--format pprof -o FILE writes the diff as a gzipped profile.proto that go tool pprof"
          + " opens (and shows the same top).",
    },
    mixinStandardHelpOptions = true)
public final class PprofDiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "The earlier profile.")
  String base;

  @Parameters(index = "1", paramLabel = "CURRENT", description = "The later profile.")
  String current;

  @Mixin PprofTopOptions report;

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
  public Integer call() throws Exception {
    if (format == OutputFormat.junit) {
      throw new UsageException("pprof diff writes --format text, json or pprof, not junit");
    }
    if (format == OutputFormat.pprof && output == null) {
      throw new UsageException("--format pprof writes a binary profile: give it a file with -o");
    }
    if (Inputs.STDIN.equals(base) && Inputs.STDIN.equals(current)) {
      throw new UsageException("only one of BASE and CURRENT can be standard input");
    }
    Profile before = PprofReader.read(base);
    Profile after = PprofReader.read(current);
    Profile diff;
    try {
      diff = ProfileAlgebra.diff(before, after);
    } catch (IllegalArgumentException e) {
      throw new UsageException("cannot diff " + base + " and " + current + ": " + e.getMessage());
    }
    if (format == OutputFormat.pprof) {
      Output.write(new PprofRenderer(), diff, output);
      return 0;
    }
    TopReport top = PprofCommands.top(diff, report.toTopOptions());
    if (format == OutputFormat.json) {
      Output.write(new JsonRenderer<>(), top, output);
    } else {
      Output.write(new TopTextRenderer(), top, output);
    }
    return 0;
  }
}
