package dev.leakhound.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code leakhound histo}: the parent of the JVM class-histogram commands. */
@Command(
    name = "histo",
    description = "Compare JVM class histograms (jmap -histo, jcmd GC.class_histogram).",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {HistoDiffCommand.class})
public final class HistoCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a histo command is required (diff)");
  }
}
