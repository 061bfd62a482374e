package dev.leakhound.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.leakhound.cli.demo.Demo;
import dev.leakhound.testkit.HeadlessChromium;
import dev.leakhound.testkit.LabProcess;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.Map;
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
 * bounded load, configured as {@code leakhound demo} does (short intervals, warm-up and waiting
 * times): one with the map leak and the goroutine leak at a fast rate, one running only controls.
 * The overview must show the first leaking and the second ok, the report page must name {@code
 * (*SessionStore).Remember} in its table and in the rendered flame graph, the alerts page the leak
 * alert with one receiver's message delivered and another's waiting, and no page may log a console
 * error. Screenshots of every page, and of dark mode, go to target/screenshots/. About three
 * minutes, most of it waiting for the verdict.
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
  private static HttpServer hook;
  private static String base;
  private static long started;
  private static long reportId;

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.start(Path.of("target/screenshots"), 1400, 1000);
    Path jar = RepoRoot.resolve("leakhound-cli/target/leakhound.jar");
    assumeTrue(Files.isRegularFile(jar), "the runnable jar is built by 'mvn package' first");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The demo's pair (dev.leakhound.cli.demo.Demo): a fast map leak and goroutine leak, and a
    // twin running only controls whose memory follows load and whose cache levels off.
    LabProcess leaky = LabProcess.startGoShop(Demo.LEAKING_SHOP, Map.of());
    processes.add(leaky);
    LabProcess steady = LabProcess.startGoShop(Demo.CONTROL_SHOP, Map.of());
    processes.add(steady);
    loads.add(LabProcess.startLoad(leaky.baseUrl(), "40/s for 230s", Duration.ofSeconds(235)));
    loads.add(
        LabProcess.startLoad(
            steady.baseUrl(),
            "60/s for 60s, 150/s for 30s, 60/s for 140s",
            Duration.ofSeconds(235)));
    hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    hook.start();

    int port = freePort();
    Path config = dir.resolve("leakhound.yaml");
    // The demo's short warm-up and waiting times: detection is the same as for any target. The
    // second receiver points at a closed port, so the alerts page shows a delivery retrying.
    Files.writeString(
        config,
        """
        dataDir: ./data
        listen: 127.0.0.1:%d
        evaluation:
          interval: 5s
          warmUp: 40s
          minimumSpan: 30s
          minimumLeak: 45s
          plateauWindow: 20s
          minimumGrowth: {bytes: 64MiB, goroutines: 1000}
        defaults: {interval: 1s}
        targets:
          - name: shop-leaky
            kind: go
            address: %s
            labels: {scenario: leaks}
          - name: shop-steady
            kind: go
            address: %s
            labels: {scenario: controls}
        receivers:
          - {name: chat, kind: webhook, url: "http://127.0.0.1:%d/hook"}
          - {name: pager, kind: webhook, url: "http://127.0.0.1:%d/down", giveUpAfter: 10m}
        """
            .formatted(
                port, leaky.baseUrl(), steady.baseUrl(), hook.getAddress().getPort(), freePort()));
    serveLog = dir.resolve("serve.log");
    serve =
        new ProcessBuilder(
                java.toString(), "-jar", jar.toString(), "serve", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(serveLog.toFile())
            .start();
    base = "http://127.0.0.1:" + port;
    started = System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!healthy()) {
      if (!serve.isAlive()) {
        throw new AssertionError("leakhound serve exited: " + Files.readString(serveLog));
      }
      assertThat(System.nanoTime()).as("serve answers /healthz within 60 s").isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (hook != null) {
      hook.stop(0);
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
    // The control may pass through "suspect" while its load rises; it must settle at ok.
    browser.await(
        "shop-leaky shows leak and shop-steady ok",
        Duration.ofMinutes(4),
        d -> {
          keys("r");
          return state(d, "shop-leaky").equals("leak") && state(d, "shop-steady").equals("ok");
        });
    System.out.printf(
        "DashboardLabIT: leak shown %.0f s after serve started%n",
        (System.nanoTime() - started) / 1e9);
    assertThat(row("shop-leaky")).contains("scenario=leaks");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("tr[data-name='shop-leaky'] td.col-growth"))
                .getText())
        .as("the growth of the signal that leaks")
        .matches("(?s)\\+.*/h.*");
    assertThat(row("shop-steady")).contains("scenario=controls");
    assertThat(browser.driver().findElements(By.cssSelector("tr[data-name='shop-leaky'] svg")))
        .as("the leaking target's sparkline")
        .isNotEmpty();
    assertThat(json("/api/v1/reports?target=shop-steady")).as("reports of the control").isEmpty();
    browser.screenshot("overview");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(2)
  void theReportNamesTheCulpritInTheTableAndInTheFlameGraph() throws Exception {
    browser.await(
        "an open report of shop-leaky with culprits",
        Duration.ofMinutes(3),
        d -> {
          JsonNode reports = json("/api/v1/reports?target=shop-leaky&state=open");
          if (reports.isEmpty()
              || reports.get(0).get("culprits").isEmpty()
              || reports.get(0).get("goroutineGroups").isEmpty()) {
            return false;
          }
          reportId = reports.get(0).get("id").asLong();
          return true;
        });
    browser.open(base + "/dashboard/#/reports/" + reportId, "report");
    assertThat(browser.driver().findElement(By.cssSelector("table.culprits")).getText())
        .contains(CULPRIT);
    assertThat(browser.driver().findElement(By.cssSelector("table.groups")).getText())
        .as("the goroutine groups that grew")
        .isNotBlank();
    assertThat(browser.driver().findElements(By.cssSelector("button[data-profile='heapDiff']")))
        .as("the heap diff's download")
        .isNotEmpty();
    // The frame of the culprit, as SVG: its name attribute and its <title> text.
    assertThat(browser.flameGraphFrame(CULPRIT)).contains(CULPRIT).contains("since the baseline");
    assertThat(browser.driver().findElement(By.id("summary")).getText()).isNotBlank();
    browser.screenshot("report");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(3)
  void theTargetPageChartsTheSignalsWithTheFittedGrowthAndTheMarkers() throws Exception {
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
    assertThat(legend).contains("floor: heap after GC");
    // The fitted line is drawn on the chart of each judged signal: at least the leaking one.
    assertThat(browser.driver().findElement(By.id("main")).getText()).contains("fitted growth");
    assertThat(browser.driver().findElements(By.cssSelector("figure[data-chart='counts'] canvas")))
        .isNotEmpty();
    assertThat(browser.driver().findElement(By.cssSelector("table.reports")).getText())
        .contains("#" + reportId);
    // The markers drawn on the charts: the baseline and diagnosis captures, the report, the alert
    // (which fires once the report is written, at the alert engine's next round).
    browser.await(
        "markers of a capture, the report and the alert",
        Duration.ofSeconds(30),
        d -> {
          List<String> kinds = new ArrayList<>();
          json("/api/v1/dashboard/targets/shop-leaky/charts?range=15m")
              .get("events")
              .forEach(e -> kinds.add(e.get("kind").asText()));
          return kinds.containsAll(List.of("capture", "report-opened", "alert-firing"));
        });
    browser.screenshot("target");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(4)
  void theAlertsPageListsTheLeakAlertWithEachReceiversDeliveryStatus() throws Exception {
    browser.open(base + "/dashboard/#/alerts", "alerts");
    browser.await(
        "the leak alert delivered to chat",
        Duration.ofSeconds(30),
        d -> {
          keys("r");
          return d.findElement(By.id("main")).getText().contains("chat: delivered");
        });
    String active =
        browser.driver().findElement(By.cssSelector("table.alert-table tbody")).getText();
    assertThat(active).contains("MemoryLeak").contains("shop-leaky").doesNotContain("shop-steady");
    String pager =
        browser
            .driver()
            .findElement(By.cssSelector("li.receiver[data-receiver='pager']"))
            .getText();
    assertThat(pager).contains("waiting");
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
    browser.flameGraphFrame(CULPRIT);
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
