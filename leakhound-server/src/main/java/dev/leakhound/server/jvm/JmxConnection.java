package dev.leakhound.server.jvm;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * One open JMX connection to a JVM: remote through the RMI connector, or local by pid through the
 * Attach API ({@code VirtualMachine.startLocalManagementAgent()} starts the target's local agent
 * when it runs none). Every remote call goes through {@link #call}, which bounds it by the
 * connection's timeout (an RMI call to a frozen JVM would otherwise wait forever) and closes the
 * connection when it times out.
 *
 * <p>Thread-safe: calls may come from several threads; each runs on the connection's single caller
 * thread, in order. Cost: one daemon thread per connection.
 */
public final class JmxConnection implements AutoCloseable {
  private final JmxAddress address;
  private final String url;
  private final JMXConnector connector;
  private final MBeanServerConnection mbeans;
  private final ExecutorService caller;
  private final Duration timeout;
  private volatile String lost;

  private JmxConnection(
      JmxAddress address,
      String url,
      JMXConnector connector,
      ExecutorService caller,
      Duration timeout)
      throws IOException {
    this.address = address;
    this.url = url;
    this.connector = connector;
    this.caller = caller;
    this.timeout = timeout;
    this.mbeans = connector.getMBeanServerConnection();
    connector.addConnectionNotificationListener(
        (n, handback) -> {
          if (JMXConnectionNotification.FAILED.equals(n.getType())
              || JMXConnectionNotification.CLOSED.equals(n.getType())) {
            lost = "the JMX connection to " + address + " was " + n.getType().substring(16);
          }
        },
        null,
        null);
  }

  /** Connects to {@code address}, giving up after {@code timeout}. */
  public static JmxConnection open(JmxAddress address, Duration timeout)
      throws JvmCollectException {
    ExecutorService caller =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "leakhound-jmx " + address);
              t.setDaemon(true);
              return t;
            });
    try {
      Future<JmxConnection> f =
          caller.submit(
              () -> {
                String url = address.isLocal() ? attach(address.pid()) : address.serviceUrl();
                JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(url), env(address));
                try {
                  return new JmxConnection(address, url, c, caller, timeout);
                } catch (IOException e) {
                  c.close();
                  throw e;
                }
              });
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      caller.shutdownNow();
      throw new JvmCollectException(
          "no JMX connection to " + address + " within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      caller.shutdownNow();
      throw new JvmCollectException(describe(address, e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      caller.shutdownNow();
      Thread.currentThread().interrupt();
      throw new JvmCollectException("interrupted while connecting to " + address, e);
    }
  }

  /** The connection's MBean server, for use inside {@link #call}. */
  public MBeanServerConnection mbeans() {
    return mbeans;
  }

  /** The JMX service URL in use (for a local pid: the one its agent gave). */
  public String url() {
    return url;
  }

  public JmxAddress address() {
    return address;
  }

  /** Why the connection is gone, or null while it is open. */
  public String lost() {
    return lost;
  }

  /**
   * Runs {@code work} (remote calls on {@link #mbeans()}) within the timeout; {@code what} names it
   * in messages ("reading the heap").
   */
  public <T> T call(String what, Callable<T> work) throws JvmCollectException {
    return call(what, timeout, work);
  }

  /** Like {@link #call(String, Callable)} with its own limit (a histogram forces a full GC). */
  public <T> T call(String what, Duration limit, Callable<T> work) throws JvmCollectException {
    if (lost != null) {
      throw new JvmCollectException(lost);
    }
    Future<T> f;
    try {
      f = caller.submit(work);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new JvmCollectException("the JMX connection to " + address + " is closed", e);
    }
    try {
      return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      lost = what + " from " + address + " took more than " + limit.toMillis() + " ms";
      close();
      throw new JvmCollectException(lost, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        lost = "the JMX connection to " + address + " failed: " + cause.getMessage();
        close();
        throw new JvmCollectException(lost, cause);
      }
      throw new JvmCollectException(what + " from " + address + " failed: " + cause, cause);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new JvmCollectException("interrupted while " + what, e);
    }
  }

  @Override
  public void close() {
    if (lost == null) {
      lost = "the JMX connection to " + address + " is closed";
    }
    try {
      connector.close();
    } catch (IOException e) {
      // Closing a dead connection fails the same way it died: nothing left to release.
    }
    caller.shutdownNow();
  }

  /**
   * The local connector address of {@code pid}'s management agent, started if needed. Only JVMs the
   * Attach API lists are attached: attaching signals the process (SIGQUIT), which would stop a
   * process that is not a JVM.
   */
  private static String attach(long pid) throws IOException, AttachNotSupportedException {
    String id = Long.toString(pid);
    boolean listed = false;
    for (VirtualMachineDescriptor d : VirtualMachine.list()) {
      listed |= d.id().equals(id);
    }
    if (!listed) {
      throw new AttachNotSupportedException(
          "no JVM of this user has pid "
              + pid
              + " (a JVM started with -XX:-UsePerfData is not listed: give its JMX URL instead)");
    }
    VirtualMachine vm = VirtualMachine.attach(id);
    try {
      return vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
  }

  private static Map<String, Object> env(JmxAddress address) {
    Map<String, Object> env = new HashMap<>();
    if (address.user() != null) {
      env.put(JMXConnector.CREDENTIALS, new String[] {address.user(), address.password()});
    }
    if (address.ssl()) {
      env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
    }
    return env;
  }

  private static String describe(JmxAddress address, Throwable cause) {
    if (cause instanceof AttachNotSupportedException) {
      return "cannot attach to pid " + address.pid() + ": " + cause.getMessage();
    }
    if (cause instanceof MalformedURLException) {
      return "not a JMX service URL: " + address.serviceUrl() + " (" + cause.getMessage() + ")";
    }
    if (cause instanceof SecurityException) {
      return "the JMX agent of " + address + " refused the credentials: " + cause.getMessage();
    }
    String detail = cause.getMessage();
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    if (root != cause) {
      detail = detail + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return "cannot connect to the JMX agent at " + address + ": " + detail;
  }
}
