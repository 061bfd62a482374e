package dev.leakhound.server.collect;

/**
 * A scrape or capture failed; the message says why in words a user acts on ("GET
 * http://127.0.0.1:8080/metrics: HTTP 503", "timed out after 5s reading the body", "the response
 * decompresses to more than 64 MiB (a gzip bomb?)"). It becomes the target's last error.
 *
 * <p>Immutable.
 */
public final class CollectException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public CollectException(String message) {
    this(message, 0, null);
  }

  public CollectException(String message, Throwable cause) {
    this(message, 0, cause);
  }

  public CollectException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status when the server answered with an error status, else 0. */
  public int httpStatus() {
    return httpStatus;
  }
}
