package dev.leakhound.cli.command;

import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code leakhound demo}: starts leaking and healthy lab services and watches them. */
@Command(
    name = "demo",
    description =
        "Start the lab's Go shop with a leak and a healthy twin under load, watch both, and"
            + " print the report.",
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw UsageException.notBuiltYet("demo", 5);
  }
}
