package dev.leakhound.server.http;

/** A request the API refuses: becomes {@code {"error": message}} with the status. Immutable. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
