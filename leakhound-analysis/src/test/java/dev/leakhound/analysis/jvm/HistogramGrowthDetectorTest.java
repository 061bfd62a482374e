package dev.leakhound.analysis.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.testkit.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistogramGrowthDetectorTest {
  private static final List<String> FOUR = List.of("h1", "h2", "h3", "h4");

  @ParameterizedTest
  @ValueSource(strings = {"17", "25"})
  void theThreeLeaksOfTheCapturedWorkloadAreNamedWithTheirPatterns(String jdk) throws IOException {
    HistogramGrowth g = HistogramGrowthDetector.detect(series(jdk), FOUR);

    assertThat(g.leakFound()).isTrue();
    assertThat(g.suspects())
        .extracting(GrowthSuspect::className, GrowthSuspect::pattern)
        .containsExactlyInAnyOrder(
            tuple("demo.shop.Session", LeakPattern.STATIC_COLLECTION),
            tuple("demo.shop.RequestContext", LeakPattern.THREAD_LOCAL_IN_POOL),
            tuple("demo.shop.PriceListener", LeakPattern.LISTENER_NEVER_REMOVED));
    assertThat(g.suspects())
        .isSortedAccordingTo(
            (a, b) -> Long.compare(b.attributedBytesDelta(), a.attributedBytesDelta()));
    GrowthSuspect session = suspect(g, "demo.shop.Session");
    assertThat(session.coGrowing())
        .extracting(CoGrowth::className)
        .containsExactly("java.util.HashMap$Node", "java.lang.Long");
    assertThat(session.coGrowing().get(0).ratio()).isCloseTo(1.0, within(0.01));
    assertThat(suspect(g, "demo.shop.RequestContext").coGrowing())
        .extracting(CoGrowth::className)
        .contains("java.lang.ThreadLocal$ThreadLocalMap$Entry");
  }

  @ParameterizedTest
  @ValueSource(strings = {"17", "25"})
  void theCapturedSeriesRendersAsItsGoldenFileSays(String jdk) throws IOException {
    List<String> names =
        List.of(
            "jdk" + jdk + "-jcmd-1.txt",
            "jdk" + jdk + "-jcmd-2.txt",
            "jdk" + jdk + "-jcmd-3.txt",
            "jdk" + jdk + "-jcmd-4.txt");
    HistogramGrowth g = HistogramGrowthDetector.detect(series(jdk), names);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HistogramGrowthTextRenderer(15).write(g, out);
    Golden.assertMatches(
        out.toString(StandardCharsets.UTF_8),
        "testdata/jvm/histo/jdk" + jdk + "-jcmd-series.growth.golden.txt");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "static-map-leak, dev.leakhound.lab.javashop.AuditEntry, static-collection",
    "listener-leak, dev.leakhound.lab.javashop.CheckoutPriceListener, listener-never-removed",
    "threadlocal-leak, dev.leakhound.lab.javashop.RequestTrace, threadlocal-in-pool",
  })
  void eachLeakOfTheLabsJavaShopIsNamedWithItsClassAndPattern(
      String scenario, String culprit, String pattern) throws IOException {
    HistogramGrowth g = HistogramGrowthDetector.detect(javaShop(scenario), FOUR);

    assertThat(g.leakFound()).isTrue();
    GrowthSuspect top = g.suspects().get(0);
    assertThat(top.className()).isEqualTo(culprit);
    assertThat(top.pattern().id()).isEqualTo(pattern);
    assertThat(top.coGrowing()).extracting(CoGrowth::className).contains("[B");
    assertThat(top.attributedBytesDelta()).isGreaterThan(10L << 20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bounded-cache", "load-follow", "steady"})
  void noControlOfTheLabsJavaShopHasASuspect(String scenario) throws IOException {
    HistogramGrowth g = HistogramGrowthDetector.detect(javaShop(scenario), FOUR);

    assertThat(g.leakFound()).isFalse();
    assertThat(g.suspects()).isEmpty();
  }

  @Test
  void rowsAreOrderedByBytesGrowthAndListEveryChangedClass() throws IOException {
    HistogramGrowth g = HistogramGrowthDetector.detect(series("17"), FOUR);

    assertThat(g.rows())
        .isSortedAccordingTo((a, b) -> Long.compare(b.bytesDelta(), a.bytesDelta()));
    assertThat(g.rows()).allMatch(r -> r.bytesDelta() != 0 || r.instancesDelta() != 0);
    assertThat(g.rows())
        .filteredOn(r -> r.className().equals("java.util.HashMap$Node"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.growsWith()).isEqualTo("demo.shop.Session");
              assertThat(r.origin()).isEqualTo("jdk");
              assertThat(r.module()).isEqualTo("java.base@17.0.15");
            });
  }

  @Test
  void aCacheThatFillsAndThenStaysFlatIsNoSuspect() {
    List<ClassHistogram> h = new ArrayList<>();
    for (long entries : new long[] {100, 300, 400, 400, 400}) {
      h.add(
          Histograms.of()
              .row("[B", 1000 + entries, 64_000 + entries * 65_536)
              .row("shop.ProductPage", entries, entries * 32)
              .row("java.util.LinkedHashMap$Entry", entries, entries * 40)
              .build());
    }

    HistogramGrowth g = HistogramGrowthDetector.detect(h, List.of("1", "2", "3", "4", "5"));

    assertThat(g.leakFound()).isFalse();
    assertThat(g.suspects()).isEmpty();
  }

  @Test
  void memoryThatFollowsLoadAndFallsBackIsNoSuspect() {
    List<ClassHistogram> h = new ArrayList<>();
    for (long inFlight : new long[] {5, 40, 8, 45, 6}) {
      h.add(
          Histograms.of()
              .row("[B", 100 + inFlight * 16, inFlight * 16 * 65_536)
              .row("shop.ReportWorkspace", inFlight, inFlight * 24)
              .build());
    }

    assertThat(HistogramGrowthDetector.detect(h, List.of("1", "2", "3", "4", "5")).suspects())
        .isEmpty();
  }

  @Test
  void aClassWithoutCluesOfItsOwnTakesThePatternOfTheSuspectItFollows() {
    List<ClassHistogram> h = new ArrayList<>();
    for (long n : new long[] {1000, 2000, 3000}) {
      h.add(
          Histograms.of()
              .row("[B", n, n * 65_536)
              .row("shop.CheckoutPriceListener", n, n * 40)
              .row("shop.CartLine", 2 * n, 2 * n * 24)
              .build());
    }

    HistogramGrowth g = HistogramGrowthDetector.detect(h, List.of("1", "2", "3"));

    assertThat(g.suspects())
        .extracting(GrowthSuspect::className, GrowthSuspect::pattern, GrowthSuspect::growsWith)
        .containsExactly(
            tuple("shop.CheckoutPriceListener", LeakPattern.LISTENER_NEVER_REMOVED, null),
            tuple(
                "shop.CartLine", LeakPattern.LISTENER_NEVER_REMOVED, "shop.CheckoutPriceListener"));
    assertThat(g.suspects().get(0).attributedBytesDelta()).isEqualTo(2000 * (65_536 + 40));
  }

  @Test
  void whenOnlyJdkClassesGrowTheLargestAreTheSuspects() {
    List<ClassHistogram> h = new ArrayList<>();
    for (long n : new long[] {10, 20, 30}) {
      h.add(
          Histograms.of()
              .row("[B", n, n * 1_048_576)
              .row("java.util.concurrent.ConcurrentLinkedQueue$Node", n, n * 24)
              .row("shop.Main", 1, 16)
              .build());
    }

    HistogramGrowth g = HistogramGrowthDetector.detect(h, List.of("1", "2", "3"));

    assertThat(g.suspects()).extracting(GrowthSuspect::className).containsExactly("[B");
    assertThat(g.suspects().get(0).origin()).isEqualTo("jdk");
  }

  @Test
  void twoHistogramsShowGrowthAndSaySoInTheNote() throws IOException {
    HistogramGrowth g =
        HistogramGrowthDetector.detect(
            Histograms.readAll(
                "testdata/jvm/histo/jdk17-jcmd-1.txt", "testdata/jvm/histo/jdk17-jcmd-4.txt"),
            List.of("a", "b"));

    assertThat(g.note()).startsWith("Two histograms show growth, not steadiness");
    assertThat(g.suspects()).extracting(GrowthSuspect::className).contains("demo.shop.Session");
  }

  @Test
  void theScoreAccumulatesSteadyGrowthAndHalvesAfterAShrink() {
    long[][] steady = {{100}, {200}, {300}, {400}};
    long[][] burst = {{100}, {400}, {100}, {100}};
    long[][] flat = {{100}, {100}, {100}, {100}};

    assertThat(HistogramGrowthDetector.score(steady, 0)).isCloseTo(1 + 0.5 + 1 / 3.0, within(1e-9));
    assertThat(HistogramGrowthDetector.score(burst, 0)).isEqualTo(0.5);
    assertThat(HistogramGrowthDetector.score(flat, 0)).isZero();
  }

  /**
   * Oracle: random series where each JDK class is made as a whole multiple of one application class
   * plus a little jitter; the detector must tie each to the class it was made from.
   */
  @Test
  void jdkClassesAreTiedToTheApplicationClassTheyWereMadeFrom() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      int apps = 1 + random.nextInt(3);
      long[] rate = new long[apps];
      for (int a = 0; a < apps; a++) {
        rate[a] = 100 + random.nextInt(5_000); // distinct enough: checked below
      }
      int[] ownerOf = {random.nextInt(apps), random.nextInt(apps)};
      int[] times = {1 + random.nextInt(4), 1 + random.nextInt(4)};
      if (ambiguous(rate, ownerOf, times)) {
        continue;
      }
      int points = 3 + random.nextInt(4);
      List<ClassHistogram> h = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int t = 0; t < points; t++) {
        Histograms.Builder b = Histograms.of();
        for (int a = 0; a < apps; a++) {
          b.row("app.Leaky" + a, 10 + rate[a] * t, (10 + rate[a] * t) * 48);
        }
        for (int j = 0; j < 2; j++) {
          long count = 50 + times[j] * rate[ownerOf[j]] * t + random.nextInt(3);
          b.row("java.util.Noise" + j, count, count * 32);
        }
        h.add(b.build());
        names.add("h" + t);
      }

      HistogramGrowth g = HistogramGrowthDetector.detect(h, names, 1);

      for (int j = 0; j < 2; j++) {
        String noise = "java.util.Noise" + j;
        String expected = "app.Leaky" + ownerOf[j];
        assertThat(g.rows())
            .as("round %d: %s", round, noise)
            .filteredOn(r -> r.className().equals(noise))
            .singleElement()
            .satisfies(r -> assertThat(r.growsWith()).isEqualTo(expected));
      }
    }
  }

  /**
   * True when another class's rate times a whole number could explain the same growth, or when one
   * application class grows at a whole multiple of another (it would then be taken as part of the
   * other's structure).
   */
  private static boolean ambiguous(long[] rate, int[] ownerOf, int[] times) {
    for (long a : rate) {
      for (long b : rate) {
        double ratio = (double) b / a;
        long whole = Math.round(ratio);
        if (whole >= 2 && whole <= 4 && Math.abs(ratio - whole) / whole < 0.25) {
          return true;
        }
      }
    }
    for (int j = 0; j < ownerOf.length; j++) {
      double growth = (double) times[j] * rate[ownerOf[j]];
      for (int a = 0; a < rate.length; a++) {
        if (a == ownerOf[j]) {
          continue;
        }
        double ratio = growth / rate[a];
        long whole = Math.round(ratio);
        if (whole >= 1 && whole <= times[j] && Math.abs(ratio - whole) / whole < 0.25) {
          return true;
        }
      }
    }
    return false;
  }

  private static GrowthSuspect suspect(HistogramGrowth g, String className) {
    return g.suspects().stream()
        .filter(s -> s.className().equals(className))
        .findFirst()
        .orElseThrow();
  }

  private static List<ClassHistogram> javaShop(String scenario) throws IOException {
    List<ClassHistogram> out = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      out.add(Histograms.read("testdata/jvm/java-shop/" + scenario + "-" + i + ".txt.gz"));
    }
    return out;
  }

  private static List<ClassHistogram> series(String jdk) throws IOException {
    return Histograms.readAll(
        "testdata/jvm/histo/jdk" + jdk + "-jcmd-1.txt",
        "testdata/jvm/histo/jdk" + jdk + "-jcmd-2.txt",
        "testdata/jvm/histo/jdk" + jdk + "-jcmd-3.txt",
        "testdata/jvm/histo/jdk" + jdk + "-jcmd-4.txt");
  }
}
