package dev.leakhound.cli;

import dev.leakhound.cli.command.CheckCommand;
import dev.leakhound.cli.command.DemoCommand;
import dev.leakhound.cli.command.EscapeCommand;
import dev.leakhound.cli.command.GclogCommand;
import dev.leakhound.cli.command.GctraceCommand;
import dev.leakhound.cli.command.GoroutinesCommand;
import dev.leakhound.cli.command.HistoCommand;
import dev.leakhound.cli.command.HprofCommand;
import dev.leakhound.cli.command.PprofCommand;
import dev.leakhound.cli.command.ServeCommand;
import dev.leakhound.cli.command.TrendCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code leakhound} command: lists the subcommands and the exit codes. */
@Command(
    name = "leakhound",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Leakhound watches Go and JVM services for memory leaks, decides with statistics whether"
          + " memory is leaking, and names the code responsible.",
      "The analysis commands read files you already have; 'serve' and 'check' watch live"
          + " services.",
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      PprofCommand.class,
      GoroutinesCommand.class,
      GctraceCommand.class,
      EscapeCommand.class,
      TrendCommand.class,
      HistoCommand.class,
      GclogCommand.class,
      HprofCommand.class,
      ServeCommand.class,
      CheckCommand.class,
      DemoCommand.class,
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0   success, and no leak found",
      "  3   a leak was found (check, and analysis commands given --fail-on-leak)",
      "  64  bad usage",
      "  65  bad input data (the message says which file, where, and what was expected)",
      "  70  internal error",
      "",
      "FILE '-' reads standard input; gzip is detected by its magic bytes everywhere.",
    })
public final class LeakhoundCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
