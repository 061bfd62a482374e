package dev.leakhound.cli;

import dev.leakhound.cli.demo.DemoUnavailableException;
import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.server.config.InvalidConfigException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of the runnable jar: parses the command line, runs the command, and turns what
 * went wrong into one clear message and a documented exit code ({@link ExitCodes}). Only bugs get a
 * stack trace.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; used by {@link #main} and by tests. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with Leakhound's error handling and exit codes. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new LeakhoundCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(Main::onBadUsage);
    cli.setExecutionExceptionHandler(Main::onFailure);
    return cli;
  }

  private static int onBadUsage(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("leakhound: " + e.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int onFailure(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int code;
    if (e instanceof InputFormatException) {
      err.println("leakhound: bad input: " + e.getMessage());
      code = ExitCodes.DATA;
    } else if (e instanceof InvalidConfigException bad) {
      int n = bad.problems().size();
      err.println(
          "leakhound: the configuration has "
              + n
              + (n == 1 ? " problem" : " problems")
              + "; nothing was started:");
      bad.problems().forEach(p -> err.println("  " + p));
      code = ExitCodes.DATA;
    } else if (e instanceof DemoUnavailableException unavailable) {
      err.println("leakhound: " + e.getMessage());
      code = unavailable.exitCode();
    } else if (e instanceof UsageException) {
      err.println("leakhound: " + e.getMessage());
      code = ExitCodes.USAGE;
    } else if (e instanceof NoSuchFileException) {
      err.println("leakhound: no such file: " + e.getMessage());
      code = ExitCodes.USAGE;
    } else if (e instanceof AccessDeniedException) {
      err.println("leakhound: permission denied: " + e.getMessage());
      code = ExitCodes.USAGE;
    } else {
      err.println("leakhound: internal error (please report it with the command you ran):");
      e.printStackTrace(err);
      code = ExitCodes.SOFTWARE;
    }
    err.flush();
    return code;
  }
}
