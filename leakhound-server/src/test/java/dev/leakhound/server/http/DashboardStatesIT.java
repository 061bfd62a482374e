package dev.leakhound.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.GoroutineGrowth;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.ProfileRefs;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.Judges;
import dev.leakhound.testkit.HeadlessChromium;
import dev.leakhound.testkit.RepoRoot;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's empty and error states in a real browser against a real watch service (this
 * process, 127.0.0.1, a free port): a server with a token asks for it (and says when it is
 * refused), a target whose address refuses connections is shown down with the reason, pages without
 * data say so, and a stored report over go-shop's real heap profiles shows its culprits and its
 * flame graph. Detection stays quiet here; the lab test in leakhound-cli covers real leaks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardStatesIT {
  private static final String TOKEN = "dashboard-test-token-0123456789";

  @TempDir static Path dir;
  private static WatchService service;
  private static HeadlessChromium browser;

  @BeforeAll
  static void start() throws Exception {
    int refused;
    try (ServerSocket s = new ServerSocket(0)) {
      refused = s.getLocalPort(); // closed again: connections to it are refused
    }
    var config =
        Configs.parse(
            dir,
            """
            dataDir: ./data
            listen: 127.0.0.1:0
            token: %s
            targets:
              - name: gone
                kind: go
                address: http://127.0.0.1:%d
                interval: 1s
                labels: {team: checkout}
            """
                .formatted(TOKEN, refused));
    service =
        WatchService.start(
            config, CollectorRegistry.standard(), Judges.quiet(), Judges.nothing(), "test");
    browser = HeadlessChromium.start(Path.of("target/screenshots"), 1280, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private String url(String route) {
    return service.baseUrl() + "/dashboard/#" + route;
  }

  @Test
  @Order(1)
  void aServerWithATokenAsksForItAndSaysWhenItIsRefused() throws Exception {
    browser.driver().get(url("/"));
    WebElement dialog = browser.driver().findElement(By.id("token-dialog"));
    browser.await("the token prompt", Duration.ofSeconds(15), d -> dialog.isDisplayed());
    assertThat(dialog.findElement(By.cssSelector(".token-refused")).isDisplayed()).isFalse();
    browser.screenshot("token-prompt");

    WebElement input = dialog.findElement(By.id("token-input"));
    input.sendKeys("not-the-token-at-all", Keys.ENTER);
    browser.await(
        "the refusal",
        Duration.ofSeconds(15),
        d ->
            dialog.isDisplayed()
                && dialog.findElement(By.cssSelector(".token-refused")).isDisplayed());

    input.clear();
    input.sendKeys(TOKEN, Keys.ENTER);
    browser.awaitRendered("overview");
    assertThat(browser.driver().findElement(By.cssSelector("tr[data-name='gone']")).getText())
        .contains("gone");
    // Only the expected 401s: no script error.
    assertThat(browser.consoleErrors()).allMatch(m -> m.contains("401"));
  }

  @Test
  @Order(2)
  void aTargetThatRefusesConnectionsIsShownDownWithTheReason() throws Exception {
    browser.await(
        "the target down",
        Duration.ofSeconds(30),
        d -> {
          keys("r");
          return !d.findElements(By.cssSelector("tr[data-name='gone'] .badge[data-state='down']"))
              .isEmpty();
        });
    String row = browser.driver().findElement(By.cssSelector("tr[data-name='gone']")).getText();
    assertThat(row).contains("DOWN").contains("team=checkout");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("tr[data-name='gone'] .row-error"))
                .getText())
        .contains("127.0.0.1");

    browser.open(url("/targets/gone"), "target");
    assertThat(browser.driver().findElement(By.cssSelector(".banner.down")).getText())
        .startsWith("Target down.");
    assertThat(browser.driver().findElement(By.cssSelector(".charts .empty")).getText())
        .contains("No samples in this range");
    browser.screenshot("target-down");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(3)
  void pagesWithoutDataSaySo() throws Exception {
    browser.open(url("/alerts"), "alerts");
    assertThat(browser.driver().findElement(By.id("main")).getText())
        .contains("No alert is firing")
        .contains("No receivers configured");

    browser.open(url("/reports/999"), "report");
    assertThat(browser.driver().findElement(By.id("main")).getText()).contains("No report 999");

    browser.open(url("/nowhere"), "");
    assertThat(browser.driver().findElement(By.id("main")).getText()).contains("No such page");
    // The 404 of the missing report is the only error the browser logs.
    assertThat(browser.consoleErrors()).allMatch(m -> m.contains("404"));
  }

  @Test
  @Order(4)
  void theKeyboardReachesEveryPageAndTheHelp() throws Exception {
    keys("o");
    browser.awaitRendered("overview");
    keys("?");
    WebElement help = browser.driver().findElement(By.id("help"));
    assertThat(help.isDisplayed()).isTrue();
    assertThat(help.getText()).contains("filter targets");
    keys(Keys.ESCAPE);
    assertThat(help.isDisplayed()).isFalse();

    keys("/");
    assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
        .isEqualTo("filter");
    keys("nothing-matches");
    assertThat(browser.driver().findElement(By.id("main")).getText()).contains("No target matches");
    keys(Keys.ESCAPE);
    assertThat(browser.driver().findElements(By.cssSelector("tr[data-name='gone']"))).hasSize(1);

    keys("t");
    assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("data-theme"))
        .isEqualTo("dark");
    browser.screenshot("overview-dark");
    keys("j", Keys.ENTER);
    browser.awaitRendered("target");
    browser.screenshot("target-down-dark");
    keys("t");
    keys("u");
    browser.awaitRendered("overview");
    keys("a");
    browser.awaitRendered("alerts");
  }

  @Test
  @Order(5)
  void aReportShowsItsCulpritsAndTheFlameGraphOfItsRealHeapProfiles() throws Exception {
    // A report as the watcher writes one, over go-shop's real heap profiles (testdata/pprof).
    var profiles = service.store().profiles();
    long now = System.currentTimeMillis();
    long base =
        profiles
            .save("gone", "heap", now - 60_000, "baseline", "", read("go-shop-heap-start.pb.gz"))
            .id();
    long current =
        profiles.save("gone", "heap", now, "capture", "", read("go-shop-heap-end.pb.gz")).id();
    String shop = "leakhound.dev/lab/go-shop/shop.";
    LeakReport report =
        service
            .store()
            .reports()
            .insert(
                new LeakReport(
                    0,
                    "gone",
                    "leak",
                    Instant.ofEpochMilli(now).toString(),
                    null,
                    List.of(
                        new Culprit(
                            shop + "(*WarehouseClient).ReserveStock",
                            "lab/go-shop/shop/inventory_reservations.go",
                            40,
                            13_300_822,
                            3247,
                            0.5),
                        new Culprit(
                            shop + "(*SessionStore).Remember",
                            "lab/go-shop/shop/cart_sessions.go",
                            44,
                            12_584_653,
                            3072,
                            0.47)),
                    List.of(
                        new GoroutineGrowth(
                            shop + "awaitReservationConfirmation",
                            "chan receive",
                            3000,
                            2990,
                            "lab/go-shop/shop/inventory_reservations.go:61",
                            shop + "(*WarehouseClient).ReserveStock",
                            1,
                            2990,
                            "blocked-receive",
                            List.of(
                                shop
                                    + "awaitReservationConfirmation inventory_reservations.go:61"))),
                    "unbounded-map",
                    "gone is leaking: the heap floor grows 48 MiB/h.",
                    LeakReport.OPEN,
                    "",
                    "a map that only grows",
                    "bound the map or evict from it",
                    36_000.0,
                    List.of(),
                    new ProfileRefs(base, current, null, null, null, null, null, null, null, null),
                    "",
                    Instant.ofEpochMilli(now).toString(),
                    List.of()),
                now);

    browser.open(url("/reports/" + report.id()), "report");
    assertThat(browser.driver().findElement(By.cssSelector("table.culprits")).getText())
        .contains("shop.(*SessionStore).Remember")
        .contains("cart_sessions.go:44");
    assertThat(browser.driver().findElement(By.cssSelector("table.groups")).getText())
        .contains("awaitReservationConfirmation")
        .contains("chan receive");
    assertThat(browser.flameGraphFrame("(*SessionStore).Remember"))
        .contains("(*SessionStore).Remember")
        .contains("since the baseline");
    assertThat(browser.driver().findElements(By.cssSelector("button[data-profile]"))).hasSize(2);
    browser.screenshot("report-seeded");
    keys("t");
    browser.screenshot("report-seeded-dark");
    keys("t");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static byte[] read(String name) throws java.io.IOException {
    return java.nio.file.Files.readAllBytes(RepoRoot.resolve("testdata/pprof/" + name));
  }

  private static void keys(CharSequence... keys) {
    browser.keys(keys);
  }
}
