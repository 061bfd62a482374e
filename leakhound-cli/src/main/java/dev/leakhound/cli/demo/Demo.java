package dev.leakhound.cli.demo;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.config.ConfigLoader;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.watch.TargetRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code leakhound demo}: two copies of the lab's Go shop, {@code checkout} with a map leak and a
 * goroutine leak, {@code catalog} with only the controls (a bounded cache, memory that follows
 * load, steady churn), and the lab's JVM shop {@code orders} with a static-map leak (watched over
 * JMX; left out, saying so, when no JDK can build it), each under bounded load, watched by the
 * watch service with a generated configuration in a temporary directory. It shows progress, prints
 * checkout's and orders' reports and catalog's "no leak" within three minutes, and stops everything
 * it started at the end (or on Ctrl-C), unless told to keep running.
 *
 * <p>The configuration only shortens intervals, warm-up and the durations the verdict engine waits
 * for: detection is the same as for any target.
 *
 * <p>Not thread-safe: one run.
 */
public final class Demo {
  /** Leak or not, the demo prints what it knows by then. */
  static final Duration DEADLINE = Duration.ofSeconds(165);

  static final String CHECKOUT = "checkout";
  static final String CATALOG = "catalog";
  static final String ORDERS = "orders";

  /** go-shop's arguments for the leaking service: a fast map leak and a goroutine leak. */
  public static final List<String> LEAKING_SHOP =
      List.of(
          "-scenarios",
          "map-leak,goroutine-leak",
          "-leak-bytes",
          "32768",
          "-mem-profile-rate",
          "4096");

  /** go-shop's arguments for its healthy twin: memory that follows load and a bounded cache. */
  public static final List<String> CONTROL_SHOP =
      List.of(
          "-scenarios",
          "bounded-cache,load-follow,steady",
          "-leak-bytes",
          "32768",
          "-mem-profile-rate",
          "4096",
          "-cache-entries",
          "400");

  private final PrintWriter out;
  private final boolean terminal;
  private final Path labDir;
  private final boolean keepRunning;

  public Demo(PrintWriter out, boolean terminal, Path labDir, boolean keepRunning) {
    this.out = out;
    this.terminal = terminal;
    this.labDir = labDir;
    this.keepRunning = keepRunning;
  }

  /** Runs the demo; returns 0 when the leaks were reported and the control was not, else 1. */
  public int run() throws Exception {
    DemoLab lab = DemoLab.find(labDir);
    Path data = Files.createTempDirectory("leakhound-demo-");
    WatchService[] service = new WatchService[1];
    Thread cleanup =
        new Thread(
            () -> {
              if (service[0] != null) {
                service[0].close();
              }
              lab.close();
              if (!keepRunning) {
                delete(data);
              }
            });
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      out.println(
          "leakhound demo: a leaking Go service, its healthy twin and a leaking JVM service, under load,"
              + " watched for up to 3 minutes");
      out.println();
      step("1/4", "building the lab's go-shop and load generator (go build) and java-shop (javac)");
      long t0 = System.nanoTime();
      if (lab.needsBuild()) {
        out.print("       (the first build downloads and compiles gin: about a minute)");
        out.println();
        out.flush();
        lab.build();
      }
      String noJvm = lab.buildJavaShop();
      if (noJvm != null) {
        out.println("       java-shop left out, the demo goes on with the Go services: " + noJvm);
      }
      out.printf("       done in %.1fs%n", (System.nanoTime() - t0) / 1e9);
      step("2/4", "starting the shops on 127.0.0.1");
      String checkout = lab.startShop(LEAKING_SHOP);
      String catalog = lab.startShop(CONTROL_SHOP);
      out.printf("       %-9s %s  map-leak, goroutine-leak%n", CHECKOUT, checkout);
      out.printf(
          "       %-9s %s  bounded-cache, load-follow, steady (controls)%n", CATALOG, catalog);
      DemoLab.Shop orders = null;
      if (noJvm == null) {
        // 16 KiB a request at 25 requests/s: the floor rises ~400 KiB/s, far inside -Xmx256m.
        orders =
            lab.startJavaShop(
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("--scenarios", "static-map-leak", "--leak-bytes", "16384"));
        out.printf(
            "       %-9s %s  static-map-leak (JVM, %s)%n", ORDERS, orders.url(), orders.jmx());
      }
      step("3/4", "starting the watch service");
      Path config = data.resolve("leakhound.yaml");
      Files.writeString(config, config(checkout, catalog, orders, data));
      WatchConfig c = ConfigLoader.load(config, CollectorRegistry.standard().specs());
      service[0] = WatchService.start(c, dev.leakhound.cli.VersionProvider.version());
      String base = service[0].baseUrl();
      out.printf("       %s (store and config in %s)%n", base, data);
      step(
          "4/4",
          "sending bounded load: checkout 40 req/s; catalog 60, then 150, then 60 req/s"
              + (orders == null ? "" : "; orders 25 req/s"));
      lab.startLoad(checkout, "40/s for 175s", 180);
      lab.startLoad(catalog, "60/s for 60s, 150/s for 30s, 60/s for 85s", 180);
      if (orders != null) {
        lab.startLoad(orders.url(), "25/s for 175s", 180);
      }
      out.println();
      out.println(
          "Watching: a verdict every 5s, after a 40s warm-up"
              + (orders == null ? "" : "; orders' class histogram every 6s"));
      out.flush();
      Map<String, LeakReport> reports = watch(service[0], orders != null);
      service[0].watcher().awaitIdle(Duration.ofSeconds(30));
      for (Map.Entry<String, LeakReport> e : reports.entrySet()) {
        if (e.getValue() != null) {
          e.setValue(service[0].store().reports().get(e.getValue().id()));
        }
      }
      boolean controlReported = !service[0].store().reports().list(CATALOG, null, 1).isEmpty();
      new DemoResults(out).print(service[0], reports, base, noJvm);
      int code = !reports.containsValue(null) && !controlReported ? 0 : 1;
      if (keepRunning) {
        out.println();
        out.println(
            "Still running (--keep-running): press Ctrl-C to stop the shops, the load and the watch service.");
        out.flush();
        Thread.currentThread().join();
      }
      out.println();
      out.println(
          "Stopping the shops, the load and the watch service (--keep-running keeps them).");
      out.flush();
      return code;
    } finally {
      if (!keepRunning) {
        Runtime.getRuntime().removeShutdownHook(cleanup);
        cleanup.run();
      }
    }
  }

  /**
   * Shows progress until checkout's report names its culprits (and orders' its class), or the
   * deadline; returns each leaking target's open report, null when none was opened.
   */
  private Map<String, LeakReport> watch(WatchService s, boolean jvm) throws Exception {
    Map<String, LeakReport> found = new LinkedHashMap<>();
    found.put(CHECKOUT, null);
    if (jvm) {
      found.put(ORDERS, null);
    }
    List<String> shown = jvm ? List.of(CHECKOUT, CATALOG, ORDERS) : List.of(CHECKOUT, CATALOG);
    long start = System.nanoTime();
    long deadline = start + DEADLINE.toNanos();
    long lastLine = 0;
    while (System.nanoTime() < deadline && found.containsValue(null)) {
      Thread.sleep(1000);
      long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
      String line =
          String.format(Locale.ROOT, "  %d:%02d", elapsed / 60, elapsed % 60)
              + shown.stream()
                  .map(t -> "  " + status(s.watcher().target(t)))
                  .collect(Collectors.joining(" "));
      if (terminal) {
        out.print("\r" + line + "   ");
        out.flush();
      } else if (elapsed - lastLine >= 15) {
        out.println(line);
        out.flush();
        lastLine = elapsed;
      }
      for (Map.Entry<String, LeakReport> e : found.entrySet()) {
        if (e.getValue() != null) {
          continue;
        }
        List<LeakReport> open = s.store().reports().list(e.getKey(), LeakReport.OPEN, 1);
        if (!open.isEmpty() && complete(open.get(0))) {
          LeakReport r = open.get(0);
          e.setValue(r);
          if (terminal) {
            out.println();
          }
          out.printf(
              "  %d:%02d  %s: leak confirmed, report %d%s%n",
              elapsed / 60,
              elapsed % 60,
              e.getKey(),
              r.id(),
              e.getKey().equals(ORDERS)
                  ? " (" + r.culprits().get(0).function() + ", " + r.pattern() + ")"
                  : "");
          out.flush();
        }
      }
    }
    if (terminal && found.containsValue(null)) {
      out.println();
    }
    for (Map.Entry<String, LeakReport> e : found.entrySet()) {
      if (e.getValue() == null) {
        List<LeakReport> open = s.store().reports().list(e.getKey(), LeakReport.OPEN, 1);
        e.setValue(open.isEmpty() ? null : open.get(0));
      }
    }
    return found;
  }

  /**
   * A Go report is complete once it names the allocation sites and the blocked goroutines; a JVM
   * report once it names the classes that grew.
   */
  private static boolean complete(LeakReport r) {
    return !r.culprits().isEmpty() && (r.target().equals(ORDERS) || !r.goroutineGroups().isEmpty());
  }

  private static String status(TargetRuntime rt) {
    StringBuilder sb =
        new StringBuilder(rt.name()).append(' ').append(rt.state().id().toUpperCase(Locale.ROOT));
    var last = rt.lastScrape();
    if (last != null && Double.isNaN(last.value(Signal.GOROUTINES))) {
      sb.append(" (heap " + Units.formatBytes(last.value(Signal.HEAP_INUSE)) + ")");
    } else if (last != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              " (goroutines %.0f, heap %s)",
              last.value(Signal.GOROUTINES),
              Units.formatBytes(last.value(Signal.HEAP_INUSE))));
    }
    return sb.toString();
  }

  private void step(String n, String what) {
    out.printf("  [%s] %s%n", n, what);
    out.flush();
  }

  private static String config(String checkout, String catalog, DemoLab.Shop orders, Path data)
      throws IOException {
    // Each class histogram forces a full GC, the JVM's floor point: every 6s gives the verdict
    // engine its 8 points soon after the warm-up. A heap dump on the confirmed leak lands in
    // the demo's directory, removed at the end.
    String jvm =
        orders == null
            ? ""
            : ("  - {name: %s, kind: jvm, address: \"%s\", histogramInterval: 6s,"
                    + " histogramMinimumGap: 3s, remoteDumpDirectory: \"%s\"}\n")
                .formatted(ORDERS, orders.jmx(), data);
    return """
        # Generated by 'leakhound demo'. Intervals, warm-up and the verdict engine's waiting times
        # are short so a fast leak is called within minutes; everything else is the default.
        dataDir: .
        listen: 127.0.0.1:%d
        evaluation:
          interval: 5s
          warmUp: 40s
          minimumSpan: 30s
          minimumLeak: 45s
          plateauWindow: 20s
          # Connection pools settling after a short warm-up add a few goroutines and MiB an
          # hour: real, but not leaks worth a report.
          minimumGrowth: {bytes: 64MiB, goroutines: 1000}
        defaults: {interval: 1s}
        targets:
          - {name: %s, kind: go, address: "%s"}
          - {name: %s, kind: go, address: "%s"}
        """
            .formatted(port(), CHECKOUT, checkout, CATALOG, catalog)
        + jvm;
  }

  /** 9464 when it is free, else any free port. */
  private static int port() {
    try (ServerSocket s = new ServerSocket(9464, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
