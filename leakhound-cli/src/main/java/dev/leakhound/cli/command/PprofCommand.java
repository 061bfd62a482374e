package dev.leakhound.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code leakhound pprof}: the parent of the pprof profile commands. */
@Command(
    name = "pprof",
    description = "Analyse pprof profiles (profile.proto, gzipped or raw, and legacy text).",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {PprofTopCommand.class, PprofDiffCommand.class})
public final class PprofCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a pprof command is required (top, diff)");
  }
}
