package dev.leakhound.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A fleet of simulated Go services for {@code bench/watch-1000.sh}: one HTTP server on 127.0.0.1
 * answering {@code /t/N/metrics} for N in [0, targets) with the exposition of a real client_golang
 * 1.22 process (testdata/prometheus/client_golang-1.22.txt), its memory and goroutine figures
 * moving per target and per request (a slow leak on every tenth target), gzipped when asked as
 * client_golang does. Prints {@code listening on 127.0.0.1:PORT}.
 *
 * <p>Usage: {@code MetricsFleetGenerator TEMPLATE TARGETS [PORT]}.
 */
public final class MetricsFleetGenerator {
  private final String template;
  private final long started = System.currentTimeMillis();
  private final AtomicLong served = new AtomicLong();

  private MetricsFleetGenerator(String template) {
    this.template = template;
  }

  public static void main(String[] args) throws IOException {
    String template = Files.readString(Path.of(args[0]));
    int targets = Integer.parseInt(args[1]);
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    MetricsFleetGenerator fleet = new MetricsFleetGenerator(template);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/t/", x -> fleet.serve(x, targets));
    server.createContext("/served", x -> fleet.count(x));
    server.start();
    System.out.println("listening on 127.0.0.1:" + server.getAddress().getPort());
    System.out.flush();
  }

  private void serve(HttpExchange x, int targets) throws IOException {
    String path = x.getRequestURI().getPath();
    int id;
    try {
      id = Integer.parseInt(path.substring(3, path.indexOf('/', 3)));
    } catch (RuntimeException e) {
      id = -1;
    }
    if (id < 0 || id >= targets || !path.endsWith("/metrics")) {
      x.sendResponseHeaders(404, -1);
      x.close();
      return;
    }
    served.incrementAndGet();
    byte[] body = render(id).getBytes(StandardCharsets.UTF_8);
    String accept = x.getRequestHeaders().getFirst("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(body);
      }
      body = out.toByteArray();
      x.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    x.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    x.sendResponseHeaders(200, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  private void count(HttpExchange x) throws IOException {
    byte[] body = (served.get() + "\n").getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(200, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  /** The template with this target's figures: a sawtooth heap, a leak on every tenth target. */
  private String render(int id) {
    double minutes = (System.currentTimeMillis() - started) / 60_000.0;
    double base = 20e6 + id * 1e4;
    double leak = id % 10 == 0 ? minutes * 2e6 : 0;
    double saw = (System.nanoTime() / 1_000_000 % 10_000) / 10_000.0 * base;
    long gcs = 100 + (long) (minutes * 12);
    String out = template;
    out = replace(out, "go_memstats_heap_inuse_bytes", base + leak + saw);
    out = replace(out, "go_memstats_heap_alloc_bytes", base + leak + saw * 0.9);
    out = replace(out, "go_memstats_alloc_bytes", base + leak + saw * 0.9);
    out = replace(out, "go_memstats_next_gc_bytes", 2 * (base + leak));
    out = replace(out, "go_goroutines", 40 + id % 7 + (id % 10 == 0 ? (long) (minutes * 30) : 0));
    out = replace(out, "go_gc_duration_seconds_count", gcs);
    out = replace(out, "process_resident_memory_bytes", 3 * (base + leak));
    return out;
  }

  private static String replace(String text, String name, double value) {
    int at = text.indexOf("\n" + name + " ");
    if (at < 0) {
      return text;
    }
    int end = text.indexOf('\n', at + 1);
    return text.substring(0, at + 1) + name + " " + (long) value + text.substring(end);
  }
}
