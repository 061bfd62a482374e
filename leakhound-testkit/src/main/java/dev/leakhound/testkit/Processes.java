package dev.leakhound.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * Child processes and ports for tests that start servers: a free loopback port to bind, and a stop
 * that always ends the process (SIGTERM, then SIGKILL after ten seconds).
 *
 * <p>Stateless and thread-safe.
 */
public final class Processes {
  private Processes() {}

  /** Stops {@code p}: SIGTERM, and SIGKILL when it has not exited within ten seconds. */
  public static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A port free on 127.0.0.1 right now (for programs that cannot be told to pick one). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
