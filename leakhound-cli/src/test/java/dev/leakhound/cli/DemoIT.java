package dev.leakhound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/leakhound demo} as a user runs it: within three minutes it prints checkout's report
 * naming the leaking functions and "no leak" for catalog, exits 0, and leaves nothing running.
 */
class DemoIT {
  @Test
  void theDemoReportsTheLeakNamesTheCulpritsAndStopsEverythingItStarted() throws Exception {
    assumeTrue(goAvailable(), "Go is not installed: the demo cannot build the lab");
    Process demo =
        new ProcessBuilder(RepoRoot.resolve("bin/leakhound").toString(), "demo")
            .redirectErrorStream(true)
            .start();
    String out;
    try {
      out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(demo.waitFor(4, TimeUnit.MINUTES)).isTrue();
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
        .contains("== catalog: no leak")
        .contains("/dashboard/")
        .contains("/api/v1/reports/");
    for (String url : urls(out)) {
      assertThat(refused(url)).as(url + " is still answering after the demo ended").isTrue();
    }
  }

  private static List<String> urls(String out) {
    List<String> urls = new ArrayList<>();
    Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)  ").matcher(out);
    while (m.find()) {
      urls.add(m.group(1));
    }
    assertThat(urls).as("the shop addresses the demo printed").hasSize(2);
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
