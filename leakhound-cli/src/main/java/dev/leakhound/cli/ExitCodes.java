package dev.leakhound.cli;

/** The exit codes of the command line: a contract scripts rely on (DESIGN.md, README). */
public final class ExitCodes {
  /** Success, and no leak found. */
  public static final int OK = 0;

  /** A leak was found ({@code check}, and analysis commands given {@code --fail-on-leak}). */
  public static final int LEAK_FOUND = 3;

  /** Bad usage: unknown option, missing argument, a file that does not exist. */
  public static final int USAGE = 64;

  /** Bad input data: the message names the file, the position and what was expected. */
  public static final int DATA = 65;

  /** A tool Leakhound needs (a JDK 21+, Go, a browser) is missing. Used by the launchers. */
  public static final int UNAVAILABLE = 69;

  /** An internal error: a bug in Leakhound; the message asks for a report. */
  public static final int SOFTWARE = 70;

  private ExitCodes() {}
}
