package dev.leakhound.analysis.jvm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.jvm.GcLog;
import dev.leakhound.formats.jvm.GcLogReader;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.RepoRoot;
import dev.leakhound.testkit.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GcLogAnalyzerTest {
  private static final Path DIR = RepoRoot.resolve("testdata/jvm/gclog");

  static List<String> captures() {
    return TestFiles.names("testdata/jvm/gclog", ".log");
  }

  @ParameterizedTest
  @MethodSource("captures")
  void everyCaptureAnalysesAsItsGoldenFileSays(String name) throws IOException {
    GcLogAnalysis a = GcLogAnalyzer.analyze(name, read(name), HeapFloorJudge.UNAVAILABLE);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GcLogTextRenderer().write(a, out);
    Golden.assertMatches(
        out.toString(UTF_8), "testdata/jvm/gclog/" + name.replace(".log", ".analysis.golden.txt"));
  }

  @ParameterizedTest
  @CsvSource({
    "jdk17-g1-pressure.log, evacuation-failure",
    "jdk17-g1-pressure.log, full-gc",
    "jdk25-g1-pressure.log, evacuation-failure",
    "jdk25-parallel-pressure.log, full-gc",
    "jdk25-parallel-pressure.log, heap-near-max",
    "jdk17-zgc-pressure.log, allocation-stall",
    "jdk17-shenandoah-degenerated-handmade.log, degenerated",
    "jdk11-g1-handmade.log, humongous-allocation",
    "jdk11-g1-handmade.log, metaspace",
    "jdk11-g1-handmade.log, explicit-gc",
    "jdk17-g1.log, explicit-gc",
  })
  void eachTroubleInACaptureGetsItsAdvice(String name, String adviceId) throws IOException {
    GcLogAnalysis a = GcLogAnalyzer.analyze(name, read(name), HeapFloorJudge.UNAVAILABLE);

    assertThat(a.advice()).extracting(GcAdvice::id).contains(adviceId);
    assertThat(a.advice())
        .extracting(GcAdvice::severity)
        .isSortedAccordingTo((x, y) -> Boolean.compare(!x.equals("warning"), !y.equals("warning")));
  }

  @ParameterizedTest
  @CsvSource({
    "jdk17-zgc-pressure.log, live",
    "jdk25-g1-pressure.log, after-full-and-mixed",
    "jdk17-g1.log, after-every-collection",
    "jdk25-shenandoah-generational.log, after-every-collection",
  })
  void theFloorIsTakenOnTheMostExactBasisTheLogOffers(String name, String basis)
      throws IOException {
    GcLogAnalysis a = GcLogAnalyzer.analyze(name, read(name), HeapFloorJudge.UNAVAILABLE);

    assertThat(a.heapAfterGc().basis()).isEqualTo(basis);
    assertThat(a.heapAfterGc().points()).isEqualTo(a.heapAfterGc().series().size()).isPositive();
  }

  @Test
  void theJudgeGetsStrictlyIncreasingTimesAndKnowsWhetherTheValuesAreAFloor() throws IOException {
    List<double[]> seen = new ArrayList<>();
    boolean[] floorFlag = new boolean[1];
    HeapFloorJudge spy =
        (times, bytes, limit, floorAlready) -> {
          seen.add(times.clone());
          floorFlag[0] = floorAlready;
          assertThat(limit).isEqualTo(40L << 20);
          return new FloorVerdict("leak", 3.6e9, 600.0, "grows");
        };

    GcLogAnalysis a = GcLogAnalyzer.analyze("z", read("jdk17-zgc-pressure.log"), spy);

    assertThat(seen)
        .singleElement()
        .satisfies(
            t -> {
              for (int i = 1; i < t.length; i++) {
                assertThat(t[i]).isGreaterThan(t[i - 1]);
              }
            });
    assertThat(floorFlag[0]).isTrue();
    assertThat(a.leakFound()).isTrue();
    assertThat(a.advice()).extracting(GcAdvice::id).contains("floor-growth");
  }

  @Test
  void aLogWithoutTimesIsNotJudged() throws IOException {
    HeapFloorJudge never =
        (t, b, l, f) -> {
          throw new AssertionError("judged a log without times");
        };

    GcLogAnalysis a = GcLogAnalyzer.analyze("n", read("jdk25-parallel-none.log"), never);

    assertThat(a.heapAfterGc().verdict().verdict()).isEqualTo("insufficient-data");
    assertThat(a.spanSeconds()).isNull();
    assertThat(a.gcTimePercent()).isNull();
    assertThat(a.heapAfterGc().series()).allMatch(p -> p.seconds() == null);
  }

  @Test
  void pausesAreGroupedByTypeAndByTheCauseOfTheirCollection() throws IOException {
    GcLogAnalysis a =
        GcLogAnalyzer.analyze("h", read("jdk11-g1-handmade.log"), HeapFloorJudge.UNAVAILABLE);

    assertThat(a.pauses().count()).isEqualTo(10);
    assertThat(a.pausesByType())
        .extracting(DurationStats::key)
        .contains("Pause Young (Mixed)", "Pause Full", "Pause Remark");
    assertThat(a.pausesByCause())
        .extracting(DurationStats::key)
        .contains("G1 Humongous Allocation", "System.gc()", "Concurrent Cycle");
    assertThat(a.collections()).isEqualTo(new GcCounts(9, 5, 1, 2, 0, 1));
  }

  /** Oracle: the nearest-rank percentile is the smallest value with at least p of values <= it. */
  @Test
  void percentilesMatchTheirDefinitionOnRandomSamples() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 500; round++) {
      double[] v = new double[1 + random.nextInt(60)];
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.round(random.nextDouble() * 1000) / 10.0;
      }
      DurationStats s = DurationStats.of("x", v);
      assertThat(s.p50Millis()).isEqualTo(bruteForce(v, 0.50));
      assertThat(s.p95Millis()).isEqualTo(bruteForce(v, 0.95));
      assertThat(s.maxMillis()).isEqualTo(Arrays.stream(v).max().orElseThrow());
    }
  }

  private static double bruteForce(double[] v, double p) {
    double best = Double.MAX_VALUE;
    for (double candidate : v) {
      int atMost = 0;
      for (double x : v) {
        if (x <= candidate) {
          atMost++;
        }
      }
      if (atMost >= p * v.length && candidate < best) {
        best = candidate;
      }
    }
    return best;
  }

  private static GcLog read(String name) throws IOException {
    return GcLogReader.read(name, new ByteArrayInputStream(Files.readAllBytes(DIR.resolve(name))));
  }
}
