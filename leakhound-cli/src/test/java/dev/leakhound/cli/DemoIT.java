package dev.leakhound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leakhound.testkit.RepoRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/leakhound demo} as a user runs it: within three minutes it prints checkout's report
 * naming the leaking functions, orders' (the JVM shop) naming the leaking class, and "no leak" for
 * catalog, exits 0, and leaves nothing running; on Ctrl-C it stops everything it started (the JVM
 * shop too) and removes its directory. The JDK running the tests builds java-shop.
 */
class DemoIT {
  @Test
  void theDemoReportsTheLeakNamesTheCulpritsAndStopsEverythingItStarted() throws Exception {
    assumeTrue(goAvailable(), "Go is not installed: the demo cannot build the lab");
    Process demo =
        new ProcessBuilder(RepoRoot.resolve("bin/leakhound").toString(), "demo")
            .redirectErrorStream(true)
            .start();
    // Read on the side so a demo that hangs fails the test after four minutes instead of
    // blocking it forever; the demo gives up on its own after its 165 s deadline.
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "(output unreadable: " + e + ")";
              }
            });
    String out;
    try {
      boolean ended = demo.waitFor(4, TimeUnit.MINUTES);
      if (!ended) {
        demo.destroy();
        demo.waitFor(20, TimeUnit.SECONDS);
      }
      out = output.get(30, TimeUnit.SECONDS);
      assertThat(ended).as("the demo ended within four minutes:%n%s", out).isTrue();
    } finally {
      demo.destroyForcibly();
    }

    assertThat(demo.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("== checkout: LEAK")
        .contains("leakhound.dev/lab/go-shop/shop.(*SessionStore).Remember")
        .contains("leakhound.dev/lab/go-shop/shop.(*WarehouseClient).ReserveStock")
        .contains("leakhound.dev/lab/go-shop/shop.awaitReservationConfirmation [chan receive]")
        .contains("Pattern: blocked-receive")
        .contains("== orders: LEAK")
        .contains("Classes that grew across the class histograms")
        .contains("%  dev.leakhound.lab.javashop.AuditEntry (+")
        .contains("Pattern: static-collection")
        .containsPattern(
            "orders +LEAK, report \\d+: dev\\.leakhound\\.lab\\.javashop\\.AuditEntry \\(static-collection\\)")
        .contains("== catalog: no leak")
        .doesNotContain("left out")
        .contains("/dashboard/")
        .contains("/api/v1/reports/");
    for (String url : urls(out)) {
      assertThat(refused(url)).as(url + " is still answering after the demo ended").isTrue();
    }
  }

  @Test
  void ctrlCStopsTheShopsTheLoadAndTheServiceAndRemovesTheDirectory() throws Exception {
    assumeTrue(goAvailable(), "Go is not installed: the demo cannot build the lab");
    Process demo =
        new ProcessBuilder(RepoRoot.resolve("bin/leakhound").toString(), "demo")
            .redirectErrorStream(true)
            .start();
    StringBuffer out = new StringBuffer();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  out.append(line).append('\n');
                }
              } catch (IOException e) {
                // the demo ended
              }
            });
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!out.toString().contains("Watching:") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(out.toString()).as("the demo got as far as watching").contains("Watching:");
      List<ProcessHandle> children = demo.descendants().toList();
      assertThat(children).as("the three shops and their load").hasSizeGreaterThanOrEqualTo(6);
      assertThat(children)
          .as("the JVM shop")
          .anyMatch(c -> c.info().commandLine().orElse("").contains("java-shop.jar"));

      // bin/leakhound execs the JVM, so this is what Ctrl-C sends it.
      new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
      assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as(out.toString()).isTrue();

      for (ProcessHandle child : children) {
        child.onExit().get(10, TimeUnit.SECONDS);
        assertThat(child.isAlive()).as(child.info().commandLine().orElse("?")).isFalse();
      }
      Matcher service =
          Pattern.compile("(http://127\\.0\\.0\\.1:\\d+) \\(store and config in (\\S+)\\)")
              .matcher(out);
      assertThat(service.find()).as(out.toString()).isTrue();
      for (String url : urls(out.toString())) {
        assertThat(refused(url)).as(url + " is still answering after Ctrl-C").isTrue();
      }
      assertThat(refused(service.group(1))).as("the watch service after Ctrl-C").isTrue();
      assertThat(Path.of(service.group(2))).as("the demo's data directory").doesNotExist();
    } finally {
      demo.destroyForcibly();
    }
  }

  private static List<String> urls(String out) {
    List<String> urls = new ArrayList<>();
    Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)  ").matcher(out);
    while (m.find()) {
      urls.add(m.group(1));
    }
    assertThat(urls).as("the shop addresses the demo printed").hasSize(3);
    return urls;
  }

  private static boolean refused(String base) throws InterruptedException {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + "/lab/stats"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean goAvailable() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("go", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
