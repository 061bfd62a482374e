package dev.leakhound.formats.progress;

import java.util.concurrent.CancellationException;

/**
 * Asks long work to stop early. The worker polls {@link #throwIfCancelled()} at a coarse grain
 * (every few thousand items); any thread may call {@link #cancel()}.
 *
 * <p>Thread-safe.
 */
public final class CancelSignal {
  /** A signal that is never raised. */
  public static final CancelSignal NEVER = new CancelSignal();

  private volatile boolean cancelled;

  public void cancel() {
    if (this == NEVER) {
      throw new UnsupportedOperationException("CancelSignal.NEVER cannot be cancelled");
    }
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws {@link CancellationException} once {@link #cancel()} has been called. */
  public void throwIfCancelled() {
    if (cancelled) {
      throw new CancellationException("cancelled");
    }
  }
}
