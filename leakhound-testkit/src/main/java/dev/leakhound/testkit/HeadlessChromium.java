package dev.leakhound.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, set up for a closed network and root: no
 * sandbox, no background networking, a fresh profile directory, the browser console captured
 * ({@code goog:loggingPrefs}) so tests can require that a page logged no error. Skips the test
 * (with the reason) when {@code chromium} or {@code chromedriver} is not installed; {@code
 * bin/test} installs them ({@code bin/lib/install-packages.sh}).
 *
 * <p>Not thread-safe: one test thread drives one browser. Closing quits the browser and deletes the
 * profile.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;

  private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /** Whether Debian's chromium and chromedriver are installed. */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Starts a browser with a {@code width} x {@code height} window whose screenshots go to {@code
   * screenshots}; skips the calling test when Chromium is not installed.
   */
  public static HeadlessChromium start(Path screenshots, int width, int height) throws IOException {
    if (!available()) {
      // Only here is JUnit needed: the benchmark (no JUnit at run time) checks first.
      assumeTrue(
          false,
          "browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install chromium chromium-driver, or run bin/test, which installs them");
    }
    Path profile = Files.createTempDirectory("leakhound-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The driver by path: Selenium Manager (which would download one) never runs. (Not through
    // ChromeDriverService.Builder: its @AutoService annotation breaks -Werror compiles.)
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Files.createDirectories(screenshots);
    return new HeadlessChromium(new ChromeDriver(options), profile, screenshots);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens {@code url} and waits until {@code <body data-rendered>} names {@code page}. */
  public void open(String url, String page) {
    driver.get(url);
    awaitRendered(page);
  }

  /** Waits until the page has marked itself rendered ({@code body[data-rendered=page]}). */
  public void awaitRendered(String page) {
    await(
        "page " + page + " rendered",
        Duration.ofSeconds(30),
        d -> page.equals(d.findElement(By.tagName("body")).getDomAttribute("data-rendered")));
  }

  /** Types {@code keys} into whatever has the focus, as a person at the keyboard does. */
  public void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /**
   * Waits for {@code condition}; the failure names {@code what}. An element the page replaced while
   * the condition read it (an auto-refresh repaints rows) counts as "not yet".
   */
  public void await(String what, Duration timeout, Predicate<WebDriver> condition) {
    new WebDriverWait(driver, timeout)
        .withMessage("waiting until " + what)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::test);
  }

  /**
   * Waits for the dashboard's flame graph ({@code #flame}, d3-flame-graph's SVG) to draw its frames
   * and returns the tooltip text ({@code <title>}) of the first frame whose function name ends with
   * {@code function}; fails when no frame does.
   */
  public String flameGraphFrame(String function) {
    await(
        "the flame graph",
        Duration.ofSeconds(30),
        d -> !d.findElements(By.cssSelector("#flame svg g.frame")).isEmpty());
    var frames =
        driver.findElements(By.cssSelector("#flame svg g.frame[name$='" + function + "']"));
    if (frames.isEmpty()) {
      throw new AssertionError("no frame of the flame graph names " + function);
    }
    return frames.get(0).findElement(By.tagName("title")).getDomProperty("textContent");
  }

  /**
   * Saves a screenshot of the whole page (up to 4000 pixels tall) as {@code name}.png in the
   * screenshot folder; returns its path.
   */
  public Path screenshot(String name) throws IOException {
    Path file = screenshots.resolve(name + ".png");
    Dimension window = driver.manage().window().getSize();
    Object height = driver.executeScript("return document.documentElement.scrollHeight");
    int tall = Math.min(4000, Math.max(window.getHeight(), ((Number) height).intValue() + 100));
    driver.manage().window().setSize(new Dimension(window.getWidth(), tall));
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } finally {
      driver.manage().window().setSize(window);
    }
    return file;
  }

  /** The console messages at level SEVERE since the last call (the browser drains them). */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp profile left behind is harmless
      }
    }
  }
}
