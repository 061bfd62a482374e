package dev.leakhound.server.jvm;

import java.util.Objects;

/**
 * Where a JVM's JMX agent is: a remote connector ({@code
 * service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}, or {@code host:port} for that URL) with optional
 * credentials and SSL, or a local process by pid ({@code pid:1234}), reached through the Attach
 * API, which starts the target's local management agent when it runs none.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password.
 *
 * @param serviceUrl the JMX service URL, or null for a local pid
 * @param pid the local process id, or -1 for a remote connector
 * @param user the JMX user, or null
 * @param password the JMX password, or null
 * @param ssl true to connect over SSL (the RMI registry and the connector)
 */
public record JmxAddress(String serviceUrl, long pid, String user, String password, boolean ssl) {
  private static final String RMI_PREFIX = "service:jmx:";

  public JmxAddress {
    if ((serviceUrl == null) == (pid < 0)) {
      throw new IllegalArgumentException("a JMX address is a service URL or a pid, not both");
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("JMX credentials need both a user and a password");
    }
  }

  /**
   * Parses what a user writes: {@code service:jmx:...}, {@code host:port}, {@code pid:1234} or a
   * bare pid. Throws IllegalArgumentException with a message naming the accepted forms.
   */
  public static JmxAddress parse(String address, String user, String password, boolean ssl) {
    Objects.requireNonNull(address, "address");
    String a = address.strip();
    if (a.startsWith(RMI_PREFIX)) {
      return new JmxAddress(a, -1, user, password, ssl);
    }
    String pidText = a.startsWith("pid:") ? a.substring(4) : a;
    if (!pidText.isEmpty() && pidText.chars().allMatch(Character::isDigit)) {
      if (user != null) {
        throw new IllegalArgumentException("a local pid takes no credentials: " + address);
      }
      try {
        return new JmxAddress(null, Long.parseLong(pidText), null, null, false);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a pid: " + address, e);
      }
    }
    int colon = a.lastIndexOf(':');
    if (colon > 0 && colon < a.length() - 1 && isHost(a.substring(0, colon))) {
      String host = a.substring(0, colon);
      String port = a.substring(colon + 1);
      if (port.chars().allMatch(Character::isDigit) && port.length() <= 5) {
        int p = Integer.parseInt(port);
        if (p > 0 && p < 65536) {
          return new JmxAddress(
              "service:jmx:rmi:///jndi/rmi://" + host + ":" + p + "/jmxrmi",
              -1,
              user,
              password,
              ssl);
        }
      }
    }
    throw new IllegalArgumentException(
        "not a JMX address: '"
            + address
            + "' (expected service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi, HOST:PORT or"
            + " pid:PID)");
  }

  /** A host name, an IPv4 address or a bracketed IPv6 address. */
  private static boolean isHost(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.length() > 2;
    }
    return host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-');
  }

  /** True when the target is a local process reached by pid. */
  public boolean isLocal() {
    return pid >= 0;
  }

  @Override
  public String toString() {
    String where = isLocal() ? "pid:" + pid : serviceUrl;
    return user == null ? where : where + " (user " + user + ")";
  }
}
