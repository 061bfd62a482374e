package dev.leakhound.server.collect;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, cancelling the exchange as soon as more than a cap
 * arrives, so an endless body costs at most the cap in memory.
 *
 * <p>Thread-safe as the HTTP client uses it (signals are serialised by the client); {@link #cancel}
 * may be called from another thread.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final long max;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;
  private volatile long received;

  LimitedBodySubscriber(long max) {
    this.max = max;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int n = b.remaining();
      if (received + n > max) {
        received += n;
        result.completeExceptionally(new HttpFetcher.BodyTooLargeException(max));
        cancel();
        return;
      }
      byte[] chunk = new byte[n];
      b.get(chunk);
      synchronized (buffer) {
        buffer.write(chunk, 0, n);
      }
      received += n;
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    synchronized (buffer) {
      result.complete(buffer.toByteArray());
    }
  }

  /** Stops the exchange (deadline passed or cap reached). */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.completeExceptionally(new java.util.concurrent.CancellationException("cancelled"));
  }

  /** Bytes received so far. */
  long received() {
    return received;
  }
}
