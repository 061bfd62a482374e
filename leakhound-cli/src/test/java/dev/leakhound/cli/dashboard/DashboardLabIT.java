package dev.leakhound.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakhound.testkit.HeadlessChromium;
import dev.leakhound.testkit.LabProcess;
import dev.leakhound.testkit.RepoRoot;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The dashboard in a real browser against a real {@code leakhound serve} (the runnable jar, on
 * 127.0.0.1, a free port, a temporary data directory) watching two real go-shop instances under
 * bounded load: one with the map leak and the goroutine leak at a fast rate, one running only
 * controls. The overview must show the first leaking and the second ok, the report page must name
 * {@code (*SessionStore).Remember} in its table and in the rendered flame graph, and no page may
 * log a console error. Screenshots of every page, and of dark mode, go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardLabIT {
  private static final String CULPRIT = "(*SessionStore).Remember";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static final List<LabProcess> processes = new ArrayList<>();
  private static final List<Process> loads = new ArrayList<>();
  private static Process serve;
  private static Path serveLog;
  private static HeadlessChromium browser;
  private static String base;
  private static long reportId;

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.start(Path.of("target/screenshots"), 1400, 1000);
    Path jar = RepoRoot.resolve("leakhound-cli/target/leakhound.jar");
    assumeTrue(Files.isRegularFile(jar), "the runnable jar is built by 'mvn package' first");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process probe =
        new ProcessBuilder(
                java.toString(), "-jar", jar.toString(), "serve", "--config", "/nonexistent")
            .redirectErrorStream(true)
            .start();
    String said = new String(probe.getInputStream().readAllBytes());
    probe.waitFor();
    assumeTrue(
        !said.contains("not built yet"),
        "leakhound serve is not built yet (issue #5): " + said.strip());
    LabProcess leaky = LabProcess.startGoShop("map-leak,goroutine-leak", 16384, 4096);
    processes.add(leaky);
    LabProcess steady = LabProcess.startGoShop("steady,bounded-cache", 16384, 4096);
    processes.add(steady);
    for (LabProcess s : List.of(leaky, steady)) {
      loads.add(LabProcess.startLoad(s.baseUrl(), "80/s for 280s", Duration.ofSeconds(300)));
    }

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("leakhound.yaml");
    Files.writeString(
        config,
        """
        dataDir: ./data
        listen: 127.0.0.1:%d
        evaluation: {interval: 5s, window: 30m, resolveWindow: 10m}
        capture: {baselineInterval: 20s, baselinesKept: 4}
        targets:
          - name: shop-leaky
            kind: go
            address: %s
            interval: 2s
            labels: {scenario: leaks}
          - name: shop-steady
            kind: go
            address: %s
            interval: 2s
            labels: {scenario: controls}
        """
            .formatted(port, leaky.baseUrl(), steady.baseUrl()));
    serveLog = dir.resolve("serve.log");
    serve =
        new ProcessBuilder(
                java.toString(), "-jar", jar.toString(), "serve", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(serveLog.toFile())
            .start();
    base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!healthy()) {
      if (!serve.isAlive()) {
        throw new AssertionError("leakhound serve exited: " + Files.readString(serveLog));
      }
      assertThat(System.nanoTime()).as("serve answers /healthz within 60 s").isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (serve != null) {
      stop(serve);
    }
    loads.forEach(DashboardLabIT::stop);
    processes.forEach(LabProcess::close);
  }

  private static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Test
  @Order(1)
  void theOverviewShowsTheLeakingTargetLeakingAndTheControlOk() throws Exception {
    browser.open(base + "/dashboard/#/", "overview");
    browser.await(
        "shop-leaky shows leak",
        Duration.ofMinutes(4),
        d -> {
          keys("r");
          return state(d, "shop-leaky").equals("leak");
        });
    assertThat(state(browser.driver(), "shop-steady")).isEqualTo("ok");
    assertThat(row("shop-leaky")).contains("scenario=leaks").contains("MiB/h");
    browser.screenshot("overview");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(2)
  void theTargetPageChartsTheMemoryWithItsFloorAndFittedGrowth() throws Exception {
    browser.open(base + "/dashboard/#/targets/shop-leaky?range=15m", "target");
    browser.await(
        "the memory chart",
        Duration.ofSeconds(20),
        d -> !d.findElements(By.cssSelector("figure[data-chart='memory'] canvas")).isEmpty());
    String legend =
        browser
            .driver()
            .findElement(By.cssSelector("figure[data-chart='memory'] .u-legend"))
            .getText();
    assertThat(legend).contains("floor: heap after GC").contains("fitted growth");
    assertThat(browser.driver().findElements(By.cssSelector("figure[data-chart='counts'] canvas")))
        .isNotEmpty();
    browser.screenshot("target");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(3)
  void theReportNamesTheCulpritInTheTableAndInTheFlameGraph() throws Exception {
    browser.await(
        "an open report of shop-leaky with culprits",
        Duration.ofMinutes(3),
        d -> {
          JsonNode reports = json("/api/v1/reports?target=shop-leaky&state=open");
          if (reports.isEmpty() || reports.get(0).get("culprits").isEmpty()) {
            return false;
          }
          reportId = reports.get(0).get("id").asLong();
          return true;
        });
    browser.open(base + "/dashboard/#/reports/" + reportId, "report");
    assertThat(browser.driver().findElement(By.cssSelector("table.culprits")).getText())
        .contains(CULPRIT);
    browser.await(
        "the flame graph",
        Duration.ofSeconds(30),
        d -> !d.findElements(By.cssSelector("#flame svg g.frame")).isEmpty());
    // The frame of the culprit, as SVG: its name attribute and its <title> text.
    var frames =
        browser
            .driver()
            .findElements(By.cssSelector("#flame svg g.frame[name$='" + CULPRIT + "']"));
    assertThat(frames).isNotEmpty();
    assertThat(frames.get(0).findElement(By.tagName("title")).getDomProperty("textContent"))
        .contains(CULPRIT)
        .contains("since the baseline");
    assertThat(browser.driver().findElement(By.id("summary")).getText()).isNotBlank();
    browser.screenshot("report");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(4)
  void theAlertsPageListsTheLeakAlert() throws Exception {
    browser.open(base + "/dashboard/#/alerts", "alerts");
    assertThat(browser.driver().findElement(By.id("main")).getText()).contains("shop-leaky");
    browser.screenshot("alerts");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(5)
  void darkModeKeepsEveryPageReadable() throws Exception {
    browser.open(base + "/dashboard/#/", "overview");
    keys("t");
    assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("data-theme"))
        .isEqualTo("dark");
    browser.screenshot("overview-dark");
    browser.open(base + "/dashboard/#/targets/shop-leaky?range=15m", "target");
    browser.screenshot("target-dark");
    browser.open(base + "/dashboard/#/reports/" + reportId, "report");
    browser.await(
        "the flame graph",
        Duration.ofSeconds(30),
        d -> !d.findElements(By.cssSelector("#flame svg g.frame")).isEmpty());
    browser.screenshot("report-dark");
    keys("t");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static String state(WebDriver d, String target) {
    var badges =
        d.findElements(By.cssSelector("tr[data-name='" + target + "'] .badge[data-state]"));
    return badges.isEmpty() ? "" : badges.get(0).getDomAttribute("data-state");
  }

  private static String row(String target) {
    return browser.driver().findElement(By.cssSelector("tr[data-name='" + target + "']")).getText();
  }

  private static void keys(CharSequence... keys) {
    browser.keys(keys);
  }

  private static boolean healthy() {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static JsonNode json(String path) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
