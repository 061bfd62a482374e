package dev.leakhound.server.collect;

import dev.leakhound.server.config.ConfigProblems;
import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.jvm.JmxAddress;
import java.time.Duration;
import java.util.Set;

/**
 * {@code kind: jvm}: a JVM over JMX, at a remote connector ({@code address:
 * service:jmx:rmi:///jndi/rmi://host:port/jmxrmi} or {@code host:port}, with optional {@code user}
 * and {@code password}, {@code ssl: true}) or a local process ({@code pid: 1234}, through the
 * Attach API). Options: {@code histogramInterval} (default 10m; each class histogram forces a full
 * GC), {@code histogramMinimumGap} (1m: the soonest an early histogram follows another when a
 * signal turns suspect), {@code histogramTimeout} (2m: bounds a histogram or a heap dump), {@code
 * heapDumps} (true: one per lifetime on a confirmed leak), {@code dumpDirectory} (a local target's
 * dumps, default the system temporary directory's {@code leakhound-heap-dumps}) and {@code
 * remoteDumpDirectory} (where a remote target writes it on its own host, default {@code /tmp}),
 * {@code gcNotifications} (false: the floor is read from the whole-heap collectors' {@code
 * LastGcInfo} at each scrape; true subscribes to their notifications, see {@link
 * dev.leakhound.server.jvm.JvmSampler}).
 *
 * <p>Immutable and thread-safe.
 */
public final class JvmTargetKind implements TargetKind {
  static final String PID = "pid";
  static final String USER = "user";
  static final String PASSWORD = "password";
  static final String SSL = "ssl";
  static final String HISTOGRAM_INTERVAL = "histogramInterval";
  static final String HISTOGRAM_GAP = "histogramMinimumGap";
  static final String HISTOGRAM_TIMEOUT = "histogramTimeout";
  static final String HEAP_DUMPS = "heapDumps";
  static final String DUMP_DIRECTORY = "dumpDirectory";
  static final String REMOTE_DUMP_DIRECTORY = "remoteDumpDirectory";
  static final String GC_NOTIFICATIONS = "gcNotifications";

  static final Duration DEFAULT_HISTOGRAM_INTERVAL = Duration.ofMinutes(10);
  static final Duration DEFAULT_HISTOGRAM_GAP = Duration.ofMinutes(1);
  static final Duration DEFAULT_HISTOGRAM_TIMEOUT = Duration.ofMinutes(2);

  @Override
  public String name() {
    return "jvm";
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of(
        PID,
        USER,
        PASSWORD,
        SSL,
        HISTOGRAM_INTERVAL,
        HISTOGRAM_GAP,
        HISTOGRAM_TIMEOUT,
        HEAP_DUMPS,
        DUMP_DIRECTORY,
        REMOTE_DUMP_DIRECTORY,
        GC_NOTIFICATIONS);
  }

  @Override
  public boolean needsAddress() {
    return false; // or a pid
  }

  @Override
  public void validate(TargetConfig target, String path, ConfigProblems problems) {
    String pid = target.options().get(PID);
    boolean hasAddress = !target.address().isEmpty();
    if ((pid == null) == !hasAddress) {
      problems.add(
          target.line(),
          path,
          "exactly one of 'address' (service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi or"
              + " HOST:PORT) or 'pid' for a jvm target");
      return;
    }
    if (pid != null && !pid.strip().matches("[1-9][0-9]{0,9}")) {
      problems.add(line(target, PID), path + ".pid", "a process id, found '" + pid + "'");
    }
    String user = target.options().get(USER);
    String password = target.options().get(PASSWORD);
    if ((user == null) != (password == null)) {
      problems.add(
          line(target, user == null ? PASSWORD : USER),
          path,
          "both 'user' and 'password' (JMX credentials), or neither");
    } else if (user != null && pid != null) {
      problems.add(line(target, USER), path + ".user", "no credentials with a local pid");
    }
    if (hasAddress) {
      try {
        JmxAddress.parse(target.address(), user, password, false);
      } catch (IllegalArgumentException e) {
        problems.add(
            target.line(),
            path + ".address",
            "a JMX address (service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi or HOST:PORT), found '"
                + target.address()
                + "'");
      }
    }
    for (String key : Set.of(SSL, HEAP_DUMPS, GC_NOTIFICATIONS)) {
      String v = target.options().get(key);
      if (v != null && !v.equals("true") && !v.equals("false")) {
        problems.add(line(target, key), path + "." + key, "true or false, found '" + v + "'");
      }
    }
    for (String key : Set.of(HISTOGRAM_INTERVAL, HISTOGRAM_GAP, HISTOGRAM_TIMEOUT)) {
      String v = target.options().get(key);
      if (v == null) {
        continue;
      }
      Duration d = Units.parseDuration(v);
      if (d == null || d.isZero() || d.isNegative()) {
        problems.add(
            line(target, key),
            path + "." + key,
            "a positive duration (90s, 10m), found '" + v + "'");
      }
    }
  }

  private static int line(TargetConfig target, String key) {
    return target.options().line(key, target.line());
  }

  @Override
  public Collector create(TargetConfig target, CollectContext context) {
    return new JvmCollector(target, context);
  }
}
