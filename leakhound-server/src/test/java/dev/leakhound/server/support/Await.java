package dev.leakhound.server.support;

import java.time.Duration;

/** Polls a condition until it holds or a deadline passes; the failure says what was awaited. */
public final class Await {
  /** A condition that may throw. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  private Await() {}

  public static void until(String what, Duration timeout, Condition c) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (c.holds()) {
          return;
        }
      } catch (Exception | AssertionError e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out after " + timeout + " waiting until " + what, last);
  }
}
