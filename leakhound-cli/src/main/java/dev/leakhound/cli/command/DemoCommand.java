package dev.leakhound.cli.command;

import dev.leakhound.cli.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakhound demo}: starts leaking and healthy lab services and watches them. */
@Command(
    name = "demo",
    description =
        "Start the lab's Go shop with a leak and a healthy twin under load, watch both, and"
            + " print the report (within three minutes). Needs Go to build the lab.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0   the leak was reported and the healthy twin was not",
      "  1   the leak was not confirmed in time, or the twin was reported",
      "  69  Go is not installed",
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--keep-running",
      description = "Keep the shops, the load and the watch service running after the report.")
  boolean keepRunning;

  @Option(names = "--lab", paramLabel = "DIR", description = "The lab directory (default: found).")
  Path lab;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return new Demo(spec.commandLine().getOut(), System.console() != null, lab, keepRunning).run();
  }
}
