package dev.leakhound.bench.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Many simulated Go services behind one loopback HTTP server: {@code /t/N/metrics} serves what
 * client_golang would for service N (heap floor, heap allocated with a GC sawtooth, goroutines,
 * threads, resident memory, GC count, start time), from a deterministic function of N and time:
 * every tenth service leaks ~24 MiB/h, every tenth (offset one) creeps ~3 MiB/h, the rest are flat;
 * every 25th (offset 3) answers 503 and is down. {@link #floor} and friends give the same values
 * for seeding a store's history.
 *
 * <p>Thread-safe. Cost: a few hundred bytes of text per request.
 */
public final class SimulatedFleet implements AutoCloseable {
  private static final double MIB = 1024 * 1024;

  private final HttpServer server;
  private final long startMillis;

  /** Starts serving on a free loopback port; every process "started" at {@code startMillis}. */
  public SimulatedFleet(long startMillis) throws IOException {
    this.startMillis = startMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/t/", this::serve);
    server.start();
  }

  /** The address of service {@code i} as a prometheus target. */
  public String address(int i) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/t/" + i + "/metrics";
  }

  public static boolean down(int i) {
    return i % 25 == 3;
  }

  /** Growth of service {@code i}'s heap floor in bytes per hour. */
  public static double growthPerHour(int i) {
    return i % 10 == 0 ? 24 * MIB : i % 10 == 1 ? 3 * MIB : 0;
  }

  /** Service {@code i}'s heap floor at {@code t}. */
  public double floor(int i, long t) {
    double hours = (t - startMillis) / 3_600_000.0;
    double base = (40 + (i * 7919) % 200) * MIB;
    double noise = Math.sin(t / 47_000.0 + i) * 0.6 * MIB;
    return base + growthPerHour(i) * hours + noise;
  }

  /** Heap allocated: the floor plus a sawtooth of garbage that a GC clears every 20 s. */
  public double heapAlloc(int i, long t) {
    double phase = ((t + i * 1_337L) % 20_000) / 20_000.0;
    return floor(i, t) * (1 + phase);
  }

  public double goroutines(int i, long t) {
    double hours = (t - startMillis) / 3_600_000.0;
    return 40 + i % 17 + (i % 10 == 0 ? 120 * hours : 0) + ((t / 15_000) % 5);
  }

  public double gcCycles(long t) {
    return (t - startMillis) / 20_000.0;
  }

  private void serve(HttpExchange ex) throws IOException {
    String[] parts = ex.getRequestURI().getPath().split("/");
    int i;
    try {
      i = Integer.parseInt(parts[2]);
    } catch (RuntimeException e) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    if (down(i)) {
      ex.sendResponseHeaders(503, -1);
      ex.close();
      return;
    }
    long t = System.currentTimeMillis();
    String text =
        "# TYPE go_gc_heap_live_bytes gauge\n"
            + "go_gc_heap_live_bytes "
            + (long) floor(i, t)
            + "\n# TYPE go_memstats_heap_alloc_bytes gauge\ngo_memstats_heap_alloc_bytes "
            + (long) heapAlloc(i, t)
            + "\n# TYPE go_memstats_heap_inuse_bytes gauge\ngo_memstats_heap_inuse_bytes "
            + (long) (heapAlloc(i, t) * 1.1)
            + "\n# TYPE go_goroutines gauge\ngo_goroutines "
            + (long) goroutines(i, t)
            + "\n# TYPE go_threads gauge\ngo_threads 9"
            + "\n# TYPE go_gc_duration_seconds summary\ngo_gc_duration_seconds_sum 0.5"
            + "\ngo_gc_duration_seconds_count "
            + (long) gcCycles(t)
            + "\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes "
            + (long) (heapAlloc(i, t) * 1.6)
            + "\n# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds "
            + startMillis / 1000
            + "\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
