package dev.leakhound.cli.command;

import dev.leakhound.analysis.profile.TopReport;
import dev.leakhound.analysis.profile.TopTextRenderer;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.cli.Output;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.pprof.Profile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound pprof top FILE}: the functions that hold the most. */
@Command(
    name = "top",
    description = {
      "Show the functions (or lines) with the largest flat and cumulative values, as"
          + " 'go tool pprof -top' does.",
      "FILE is a profile.proto (gzipped or not) or a legacy text heap profile (Go's"
          + " /debug/pprof/heap?debug=1 included).",
    },
    mixinStandardHelpOptions = true)
public final class PprofTopCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A profile, or '-' for standard input.")
  String file;

  @Mixin PprofTopOptions report;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Renderer<TopReport> renderer =
        switch (format) {
          case text -> new TopTextRenderer();
          case json -> new JsonRenderer<>();
          default ->
              throw new UsageException("pprof top writes --format text or json, not " + format);
        };
    Profile profile = PprofReader.read(file);
    TopReport top = PprofCommands.top(profile, report.toTopOptions());
    Output.write(renderer, top, output);
    return 0;
  }
}
