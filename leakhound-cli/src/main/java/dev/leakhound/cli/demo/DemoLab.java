package dev.leakhound.cli.demo;

import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lab programs the demo runs: finds the repository's {@code lab/}, builds go-shop (with the
 * goroutineleak profile) and the load generator with {@code go build} when they are missing or
 * older than their sources, and java-shop with its build.sh, starts them on 127.0.0.1, and stops
 * every process it started ({@link #close}: SIGTERM, then SIGKILL).
 *
 * <p>Thread-safe.
 */
final class DemoLab implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");

  private final Path lab;
  private final List<Process> started = new CopyOnWriteArrayList<>();

  private DemoLab(Path lab) {
    this.lab = lab;
  }

  /** The lab under {@code given}, or found next to the jar or above the working directory. */
  static DemoLab find(Path given) {
    List<Path> candidates = new ArrayList<>();
    if (given != null) {
      candidates.add(given);
    } else {
      try {
        Path jar =
            Path.of(DemoLab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path p = jar.getParent(); p != null; p = p.getParent()) {
          candidates.add(p.resolve("lab"));
        }
      } catch (Exception e) {
        // not started from a jar on disk: try the working directory
      }
      for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
        candidates.add(p.resolve("lab"));
      }
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c.resolve("go.mod")) && Files.isDirectory(c.resolve("go-shop"))) {
        return new DemoLab(c.toAbsolutePath().normalize());
      }
    }
    throw new UsageException(
        given != null
            ? given + " is not the lab (no go.mod and go-shop/ there)"
            : "the demo runs the repository's lab services and cannot find lab/ (run it from the"
                + " repository, or pass --lab DIR)");
  }

  Path dir() {
    return lab;
  }

  /** True when go-shop or load must be (re)built. */
  boolean needsBuild() throws IOException {
    return stale(binary("go-shop-leakprofile")) || stale(binary("load"));
  }

  /** Builds what is stale; throws with the compiler's output when a build fails. */
  void build() throws IOException, InterruptedException {
    requireGo();
    if (stale(binary("go-shop-leakprofile"))) {
      go(
          List.of("build", "-o", binary("go-shop-leakprofile").toString(), "./go-shop"),
          Map.of("GOEXPERIMENT", "goroutineleakprofile"));
    }
    if (stale(binary("load"))) {
      go(List.of("build", "-o", binary("load").toString(), "./load"), Map.of());
    }
  }

  /** Starts go-shop with {@code args}; returns its base URL once it listens. */
  String startShop(List<String> args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of(binary("go-shop-leakprofile").toString(), "-port", "0"));
    cmd.addAll(args);
    return launch(cmd, false).url();
  }

  /**
   * Builds lab/bin/java-shop.jar with lab/java-shop/build.sh when it is missing or stale; returns
   * why it cannot, or null when the jar is there.
   */
  String buildJavaShop() throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("bash", lab.resolve("java-shop/build.sh").toString())
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int code = p.waitFor();
      if (code == 2) {
        return "no javac (a JDK 17 or newer) to build lab/java-shop";
      }
      if (code != 0 || !Files.isRegularFile(binary("java-shop.jar"))) {
        return "lab/java-shop/build.sh failed (exit " + code + "): " + log;
      }
      return null;
    } catch (IOException e) {
      return "cannot run lab/java-shop/build.sh: " + e.getMessage();
    }
  }

  /**
   * Starts java-shop on the JVM running the demo, with HTTP and JMX on free loopback ports, and
   * {@code args}; returns both addresses once it listens.
   */
  Shop startJavaShop(List<String> jvmOptions, List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of("-jar", binary("java-shop.jar").toString(), "--port", "0", "--jmx-port", "0"));
    cmd.addAll(args);
    return launch(cmd, true);
  }

  /** A started shop: its HTTP base URL and, for java-shop, its JMX service URL (else null). */
  record Shop(String url, String jmx) {}

  /**
   * Starts {@code cmd}, which prints "listening on 127.0.0.1:PORT" (and, when {@code jmx}, a "jmx
   * URL" line after it), and waits up to 30 s for it.
   */
  private Shop launch(List<String> cmd, boolean jmx) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(p);
    CompletableFuture<Shop> address = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              String url = null;
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  Matcher m = LISTENING.matcher(line);
                  if (url == null && m.find()) {
                    url = "http://" + m.group(1);
                    if (!jmx) {
                      address.complete(new Shop(url, null));
                    }
                  } else if (url != null && jmx && line.startsWith("jmx ")) {
                    address.complete(new Shop(url, line.substring("jmx ".length()).strip()));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              address.complete(null);
            });
    Shop shop;
    try {
      shop = address.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      shop = null;
    }
    if (shop == null) {
      throw new IOException(cmd.get(0) + " did not start (" + String.join(" ", cmd) + ")");
    }
    return shop;
  }

  /** Starts the load generator against {@code target}. */
  void startLoad(String target, String schedule, int maxSeconds) throws IOException {
    Process p =
        new ProcessBuilder(
                binary("load").toString(),
                "-target",
                target,
                "-schedule",
                schedule,
                "-max-time",
                maxSeconds + "s")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    started.add(p);
  }

  private Path binary(String name) {
    return lab.resolve("bin").resolve(name);
  }

  private boolean stale(Path binary) throws IOException {
    if (!Files.isExecutable(binary)) {
      return true;
    }
    FileTime built = Files.getLastModifiedTime(binary);
    try (Stream<Path> files = Files.walk(lab)) {
      return files
          .filter(f -> !f.startsWith(lab.resolve("bin")))
          .filter(f -> f.toString().endsWith(".go") || f.getFileName().toString().startsWith("go."))
          .anyMatch(
              f -> {
                try {
                  return Files.getLastModifiedTime(f).compareTo(built) > 0;
                } catch (IOException e) {
                  return true;
                }
              });
    }
  }

  private static void requireGo() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("go", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new DemoUnavailableException(
        "the demo builds the lab's Go services and needs Go 1.26 or newer on PATH"
            + " (https://go.dev/dl)",
        ExitCodes.UNAVAILABLE);
  }

  private void go(List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    Files.createDirectories(lab.resolve("bin"));
    List<String> cmd = new ArrayList<>();
    cmd.add("go");
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(lab.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("go " + String.join(" ", args) + " failed:\n" + log);
    }
  }

  @Override
  public void close() {
    for (Process p : started) {
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    started.clear();
  }
}
