package dev.leakhound.server.collect;

import dev.leakhound.server.config.Units;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs a URL for a collector, defensively: one deadline for the whole exchange (connect, headers
 * and body, so a server dripping one byte a second is cut off), a cap on the bytes read (an endless
 * body stops at the cap), and a cap on what they decompress to (a gzip bomb stops at the cap, see
 * {@link Fetched#entity}). Failures become {@link CollectException}s whose message is the reason
 * shown to the user.
 *
 * <p>Thread-safe; one instance is shared by all collectors (one connection pool). Each call blocks
 * its (virtual) thread until the response is complete or the deadline passes.
 */
public final class HttpFetcher implements AutoCloseable {
  private final HttpClient client;
  private final String userAgent;

  public HttpFetcher(String userAgent) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    this.userAgent = userAgent;
  }

  /**
   * GETs {@code uri} within {@code timeout}, reading at most {@code maxBody} bytes. A status other
   * than 2xx fails with the status in {@link CollectException#httpStatus()}.
   */
  public Fetched get(URI uri, Map<String, String> headers, Duration timeout, long maxBody)
      throws CollectException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(timeout)
            .header("User-Agent", userAgent)
            .header("Accept-Encoding", "gzip");
    headers.forEach(b::header);
    long start = System.nanoTime();
    LimitedBodySubscriber[] subscriber = new LimitedBodySubscriber[1];
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(
            b.build(),
            info -> {
              subscriber[0] = new LimitedBodySubscriber(maxBody);
              return subscriber[0];
            });
    HttpResponse<byte[]> response;
    try {
      response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      if (subscriber[0] != null) {
        subscriber[0].cancel();
        throw new CollectException(
            "GET "
                + uri
                + ": timed out after "
                + Units.formatDuration(timeout)
                + " reading the body ("
                + subscriber[0].received()
                + " bytes arrived; a slow or"
                + " stalled response)");
      }
      throw new CollectException(
          "GET "
              + uri
              + ": timed out after "
              + Units.formatDuration(timeout)
              + " waiting for the response headers");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CollectException("GET " + uri + ": interrupted (shutting down)");
    } catch (ExecutionException | CancellationException e) {
      throw new CollectException("GET " + uri + ": " + reason(e.getCause(), timeout, maxBody), e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    int status = response.statusCode();
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (status < 200 || status > 299) {
      throw new CollectException(
          "GET " + uri + ": HTTP " + status + statusHint(status, contentType), status, null);
    }
    String encoding =
        response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
    return new Fetched(uri, status, contentType, encoding, response.body(), elapsed);
  }

  private static String statusHint(int status, String contentType) {
    if (status == 404) {
      return " (not found: is the path right, is the endpoint enabled?)";
    }
    if (status == 401 || status == 403) {
      return " (the target wants credentials)";
    }
    return contentType.isEmpty() ? "" : " (" + contentType + ")";
  }

  private static String reason(Throwable cause, Duration timeout, long maxBody) {
    if (cause instanceof BodyTooLargeException) {
      return "the response is larger than "
          + Units.formatBytes(maxBody)
          + " (an endless or oversized body; raise maxBodySize if it is genuine)";
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return "could not connect within 5s";
    }
    if (cause instanceof HttpTimeoutException) {
      return "timed out after " + Units.formatDuration(timeout);
    }
    if (cause instanceof ConnectException) {
      return "connection refused (is the service running and listening there?)";
    }
    if (cause instanceof IOException io) {
      String m = io.getMessage();
      return m == null || m.isBlank() ? io.getClass().getSimpleName() : m;
    }
    return String.valueOf(cause);
  }

  @Override
  public void close() {
    client.shutdownNow();
  }

  /** Thrown inside the subscriber when the body passes the cap. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long max) {
      super("body larger than " + max + " bytes");
    }
  }
}
