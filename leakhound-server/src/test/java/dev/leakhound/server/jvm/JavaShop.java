package dev.leakhound.server.jvm;

import dev.leakhound.testkit.RepoRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The lab's java-shop (lab/java-shop) as a child process for tests: built with its build.sh when
 * missing, started on loopback with one scenario, its HTTP and JMX addresses read from its first
 * two stdout lines, driven with bounded, paced load, and always stopped.
 */
final class JavaShop implements AutoCloseable {
  private static final Pattern ROUTE =
      Pattern.compile(
          "\\{\"scenario\":\"[^\"]*\",\"method\":\"([A-Z]+)\",\"path\":\"([^\"]*)\",\"body\":\"((?:[^\"\\\\]|\\\\.)*)\"\\}");

  final Process process;
  final String baseUrl;
  final String jmxUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private JavaShop(Process process, String baseUrl, String jmxUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.jmxUrl = jmxUrl;
  }

  /** The jar, built when missing; skips the test when no javac can build it. */
  static Path jar() throws IOException, InterruptedException {
    Path jar = RepoRoot.resolve("lab/bin/java-shop.jar");
    Path build = RepoRoot.resolve("lab/java-shop/build.sh");
    Process p = new ProcessBuilder("bash", build.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    Assumptions.assumeTrue(code != 2, "no javac to build lab/java-shop: " + out);
    if (code != 0 || !Files.isRegularFile(jar)) {
      throw new IOException("lab/java-shop/build.sh failed (" + code + "): " + out);
    }
    return jar;
  }

  /** Starts java-shop with {@code scenario} on the JVM running the tests. */
  static JavaShop start(String scenario, int leakBytes, String... jvmOptions)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(
        List.of(
            "-jar",
            jar().toString(),
            "--port",
            "0",
            "--jmx-port",
            "0",
            "--scenarios",
            scenario,
            "--leak-bytes",
            Integer.toString(leakBytes)));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String listening = out.readLine();
      String jmx = out.readLine();
      if (listening == null || jmx == null || !listening.startsWith("listening on 127.0.0.1:")) {
        throw new IOException("java-shop did not start: " + listening + " / " + jmx);
      }
      return new JavaShop(
          p,
          "http://" + listening.substring("listening on ".length()),
          jmx.substring("jmx ".length()));
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  long pid() {
    return process.pid();
  }

  /**
   * Sends the scenario's requests at {@code perSecond} for {@code duration}, paced; returns how
   * many succeeded.
   */
  int load(double perSecond, Duration duration) throws IOException, InterruptedException {
    String routes =
        http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/lab/routes")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = ROUTE.matcher(routes);
    if (!m.find()) {
      throw new IOException("no route in " + routes);
    }
    String method = m.group(1);
    URI uri = URI.create(baseUrl + m.group(2));
    String body = m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long step = (long) (1e9 / perSecond);
    // Open loop with a few requests in flight, so a slow moment of the shop (a GC, a busy CPU)
    // does not lower the rate; a request due while eight are in flight is skipped.
    Semaphore inFlight = new Semaphore(8);
    AtomicInteger ok = new AtomicInteger();
    for (long due = start; due < end; due += step) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (!inFlight.tryAcquire()) {
        continue;
      }
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (r, e) -> {
                if (e == null && r.statusCode() < 400) {
                  ok.incrementAndGet();
                }
                inFlight.release();
              });
    }
    inFlight.acquire(8);
    inFlight.release(8);
    return ok.get();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
