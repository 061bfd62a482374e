package dev.leakhound.cli;

/**
 * A command was used in a way it does not support (a combination of options, a file that does not
 * exist); ends the program with {@link ExitCodes#USAGE} and the message, without a stack trace.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
