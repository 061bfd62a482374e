package dev.leakhound.cli.command;

import dev.leakhound.analysis.profile.TopReport;
import dev.leakhound.analysis.profile.TopTextRenderer;
import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.pprof.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin TextOrJsonOutput out;

  @Override
  public Integer call() throws Exception {
    Profile profile = PprofReader.read(file);
    TopReport top = PprofCommands.top(profile, report.toTopOptions());
    out.write(new TopTextRenderer(), top);
    return 0;
  }
}
