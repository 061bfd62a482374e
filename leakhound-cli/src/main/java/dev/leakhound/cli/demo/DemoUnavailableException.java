package dev.leakhound.cli.demo;

/**
 * The demo cannot run on this machine (no Go toolchain): ends it with the message and {@link
 * #exitCode()}, without a stack trace. Immutable.
 */
public final class DemoUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public DemoUnavailableException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
