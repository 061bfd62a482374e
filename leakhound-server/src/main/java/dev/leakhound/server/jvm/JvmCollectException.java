package dev.leakhound.server.jvm;

/**
 * Collecting from a JVM failed: not reachable, refused, timed out, lost, or an MBean missing. The
 * message says what, in words a user can act on (it is shown as the target's last error).
 */
public final class JvmCollectException extends Exception {
  private static final long serialVersionUID = 1L;

  public JvmCollectException(String message) {
    super(message);
  }

  public JvmCollectException(String message, Throwable cause) {
    super(message, cause);
  }
}
