package dev.leakhound.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny HTTP server on 127.0.0.1 serving what a broken or hostile target serves, one path prefix
 * each: {@code /good} (a real client_golang exposition and a Go-like pprof index), {@code /bomb} (a
 * gzip bomb: 256 MiB of zeros in a quarter megabyte), {@code /endless} (a body that never ends),
 * {@code /drip} (one byte every 200 ms), {@code /html} (an HTML error page with status 200), {@code
 * /badpprof} (fine metrics, garbage at /debug/pprof/heap).
 */
public final class HostileServer implements AutoCloseable {
  private final HttpServer server;
  private final byte[] metrics;
  private volatile byte[] bomb;
  private volatile double goroutines = Double.NaN;
  private volatile double startTime = Double.NaN;
  private final AtomicLong goodScrapes = new AtomicLong();
  private final AtomicLong goodScrapesAtFirstDrip = new AtomicLong(-1);

  public HostileServer() throws IOException {
    metrics = Files.readAllBytes(RepoRoot.resolve("testdata/prometheus/client_golang-1.22.txt"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/good", this::good);
    server.createContext("/bomb", this::bomb);
    server.createContext("/endless", HostileServer::endless);
    server.createContext("/drip", this::drip);
    server.createContext("/html", HostileServer::html);
    server.createContext("/badpprof", this::badPprof);
    server.start();
  }

  /** Makes {@code /good/metrics} report {@code n} goroutines from now on (NaN: as captured). */
  public void goroutines(double n) {
    goroutines = n;
  }

  /** Makes {@code /good/metrics} report {@code t} as the process start time (a restart). */
  public void startTime(double t) {
    startTime = t;
  }

  /** How many times {@code /good/metrics} was fetched so far. */
  public long goodScrapes() {
    return goodScrapes.get();
  }

  /**
   * {@link #goodScrapes()} when the first {@code /drip} request came in, or -1 before: the
   * difference to a later count shows whether a hanging target held the good one up meanwhile.
   */
  public long goodScrapesAtFirstDrip() {
    return goodScrapesAtFirstDrip.get();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void good(HttpExchange x) throws IOException {
    if (x.getRequestURI().getPath().endsWith("/metrics")) {
      goodScrapes.incrementAndGet();
      String text = new String(metrics, StandardCharsets.UTF_8);
      if (!Double.isNaN(goroutines)) {
        text = text.replaceAll("(?m)^go_goroutines .*$", "go_goroutines " + (long) goroutines);
      }
      if (!Double.isNaN(startTime)) {
        text =
            text.replaceAll(
                "(?m)^process_start_time_seconds .*$", "process_start_time_seconds " + startTime);
      }
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      send(x, 200, "text/plain; version=0.0.4", body);
    } else {
      send(x, 404, "text/plain", "404 page not found\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private void bomb(HttpExchange x) throws IOException {
    byte[] b = bomb;
    if (b == null) {
      synchronized (this) {
        b = bomb == null ? (bomb = gzipOfZeros(256 << 20)) : bomb;
      }
    }
    x.getResponseHeaders().add("Content-Encoding", "gzip");
    send(x, 200, "text/plain; version=0.0.4", b);
  }

  private static void endless(HttpExchange x) throws IOException {
    x.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
    x.sendResponseHeaders(200, 0);
    byte[] line = "endless_metric{i=\"1\"} 1\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = x.getResponseBody()) {
      for (int i = 0; i < 1_000_000; i++) {
        out.write(line);
      }
    } catch (IOException e) {
      // the client hung up: expected
    }
  }

  private void drip(HttpExchange x) throws IOException {
    goodScrapesAtFirstDrip.compareAndSet(-1, goodScrapes.get());
    x.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
    x.sendResponseHeaders(200, 0);
    try (OutputStream out = x.getResponseBody()) {
      for (int i = 0; i < 300; i++) {
        out.write('#');
        out.flush();
        Thread.sleep(200);
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up: expected
    }
  }

  private static void html(HttpExchange x) throws IOException {
    send(
        x,
        200,
        "text/html; charset=utf-8",
        "<!DOCTYPE html>\n<html><body><h1>Welcome to nginx!</h1></body></html>\n"
            .getBytes(StandardCharsets.UTF_8));
  }

  private void badPprof(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    if (path.endsWith("/metrics")) {
      send(x, 200, "text/plain; version=0.0.4", metrics);
    } else if (path.endsWith("/debug/pprof/heap")) {
      send(
          x,
          200,
          "application/octet-stream",
          new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 1, 2, 3});
    } else {
      send(x, 404, "text/plain", "404 page not found\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    } catch (IOException e) {
      // the client hung up (the fetcher stops reading at its cap): expected
    }
  }

  private static byte[] gzipOfZeros(int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < size >> 20; i++) {
        gz.write(zeros);
      }
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
