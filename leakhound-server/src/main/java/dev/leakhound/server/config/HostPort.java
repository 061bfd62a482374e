package dev.leakhound.server.config;

/**
 * A listen address: host and port ({@code 127.0.0.1:9464}, {@code [::1]:9464}); port 0 asks the
 * system for a free one.
 *
 * <p>Immutable.
 */
public record HostPort(String host, int port) {
  public HostPort {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("a host is required");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Parses {@code host:port}, or returns null when {@code text} is not one. */
  public static HostPort parse(String text) {
    String s = text.strip();
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      return null;
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      return null;
    }
    try {
      int port = Integer.parseInt(s.substring(colon + 1));
      return port < 0 || port > 65535 || host.isEmpty() ? null : new HostPort(host, port);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True for 127.0.0.0/8, ::1 and localhost. */
  public boolean isLoopback() {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
