package dev.leakhound.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it writes, for tests. */
public final class Cli {
  /** What one run produced. */
  public record Result(int exitCode, String out, String err) {}

  private Cli() {}

  public static Result run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  /**
   * Runs with {@code stdin} as standard input. Commands write through picocli's writers or
   * System.out (binary output); both are captured.
   */
  public static synchronized Result runWithStdin(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      System.setOut(new PrintStream(rawOut, true, StandardCharsets.UTF_8));
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new Result(code, rawOut.toString(StandardCharsets.UTF_8) + out, err.toString());
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
    }
  }
}
