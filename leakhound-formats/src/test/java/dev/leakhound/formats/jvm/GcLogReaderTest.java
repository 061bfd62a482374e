package dev.leakhound.formats.jvm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.RepoRoot;
import dev.leakhound.testkit.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GcLogReaderTest {
  private static final Path DIR = RepoRoot.resolve("testdata/jvm/gclog");

  static List<String> captures() {
    return TestFiles.names("testdata/jvm/gclog", ".log");
  }

  @ParameterizedTest
  @MethodSource("captures")
  void everyCaptureReadsAsItsGoldenFileSays(String name) throws IOException {
    GcLog log = read(name);

    Golden.assertMatches(
        Dumps.gcLog(log), "testdata/jvm/gclog/" + name.replace(".log", ".reader.golden.txt"));
  }

  @ParameterizedTest
  @CsvSource({
    "jdk17-g1.log, G1",
    "jdk25-g1.log, G1",
    "jdk17-parallel.log, Parallel",
    "jdk25-serial.log, Serial",
    "jdk17-zgc.log, Z",
    "jdk25-zgc-generational.log, Z",
    "jdk17-shenandoah.log, Shenandoah",
    "jdk25-shenandoah-generational.log, Shenandoah",
    "jdk11-g1-handmade.log, G1",
  })
  void everyCollectorIsNamedAndItsCollectionsHaveHeapFigures(String name, String collector)
      throws IOException {
    GcLog log = read(name);

    assertThat(log.collector()).isEqualTo(collector);
    assertThat(log.maxHeapBytes()).isPositive();
    assertThat(log.collections()).isNotEmpty();
    assertThat(log.collections()).anyMatch(c -> c.heapAfterBytes() >= 0);
    assertThat(log.timeBase()).isEqualTo("uptime");
  }

  @Test
  void g1YoungPausesCarryTheirKindCauseHeapAndDuration() throws IOException {
    GcCollection first = read("jdk17-g1.log").collections().get(0);

    assertThat(first.kind()).isEqualTo(GcKind.YOUNG);
    assertThat(first.name()).isEqualTo("Pause Young");
    assertThat(first.cause()).isEqualTo("G1 Evacuation Pause");
    assertThat(first.pauses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.type()).isEqualTo("Pause Young (Normal)");
              assertThat(p.durationMillis()).isPositive();
            });
    assertThat(first.heapAfterBytes()).isLessThan(first.heapBeforeBytes());
    assertThat(first.heapCommittedBytes()).isPositive();
  }

  @Test
  void g1MarkingCyclesHoldTheirRemarkAndCleanupPauses() throws IOException {
    GcLog log = read("jdk11-g1-handmade.log");
    GcCollection cycle = log.collections().get(2);

    assertThat(cycle.kind()).isEqualTo(GcKind.CONCURRENT);
    assertThat(cycle.name()).isEqualTo("Concurrent Cycle");
    assertThat(cycle.pauses())
        .extracting(GcPause::name)
        .containsExactly("Pause Remark", "Pause Cleanup");
    assertThat(cycle.durationMillis()).isEqualTo(33.761);
    assertThat(log.maxHeapBytes()).isEqualTo(64L << 20);
    assertThat(log.regionSizeBytes()).isEqualTo(1L << 20);
    assertThat(log.collections())
        .filteredOn(c -> c.gcId() == 5)
        .singleElement()
        .satisfies(c -> assertThat(c.failures()).containsExactly("To-space exhausted"));
    assertThat(log.collections().get(4).kind()).isEqualTo(GcKind.MIXED);
  }

  @Test
  void zgcCollectionsCarryTheLiveBytesMarkingFound() throws IOException {
    GcCollection c = read("jdk11-zgc-handmade.log").collections().get(1);

    assertThat(c.name()).isEqualTo("Garbage Collection");
    assertThat(c.cause()).isEqualTo("Allocation Rate");
    assertThat(c.liveBytes()).isEqualTo(14L << 20);
    assertThat(c.floorBytes()).isEqualTo(14L << 20);
    assertThat(c.heapAfterBytes()).isEqualTo(20L << 20);
    assertThat(c.heapCommittedBytes()).isEqualTo(128L << 20);
    assertThat(c.pauses())
        .extracting(GcPause::name)
        .containsExactly("Pause Mark Start", "Pause Mark End", "Pause Relocate Start");
  }

  @Test
  void generationalZgcSumsYoungAndOldLiveBytesOnlyForMajorCollections() throws IOException {
    GcLog log = read("jdk25-zgc-generational.log");

    assertThat(log.collections())
        .filteredOn(c -> c.name().equals("Major Collection"))
        .isNotEmpty()
        .allMatch(c -> c.liveBytes() >= 0 || c.heapAfterBytes() < 0);
    assertThat(log.collections())
        .filteredOn(c -> c.name().equals("Minor Collection"))
        .isNotEmpty()
        .allMatch(c -> c.liveBytes() < 0);
  }

  @Test
  void shenandoahCyclesTakeTheirCauseFromTheTriggerAndFailuresFromTheirLines() throws IOException {
    GcLog log = read("jdk17-shenandoah-degenerated-handmade.log");

    assertThat(log.collections())
        .extracting(GcCollection::kind)
        .containsExactly(GcKind.CONCURRENT, GcKind.DEGENERATED, GcKind.FULL);
    assertThat(log.collections().get(0).cause()).isEqualTo("Learning");
    assertThat(log.collections().get(0).heapAfterBytes()).isEqualTo(3L << 20);
    assertThat(log.collections().get(1).cause()).isEqualTo("Handle Allocation Failure");
    assertThat(log.collections().get(1).failures())
        .containsExactly("Degenerated GC upgrading to Full GC");
    assertThat(log.notices())
        .extracting(GcNotice::kind)
        .containsExactly(GcNotice.Kind.ALLOCATION_FAILURE, GcNotice.Kind.GC_CANCELLED);
  }

  @Test
  void wallClockDecorationsGiveSecondsSinceTheFirstLine() throws IOException {
    GcLog log = read("jdk25-g1-utctime-pid-tid-hostname.log");

    assertThat(log.timeBase()).isEqualTo("wallclock");
    assertThat(log.collections().get(0).startSeconds()).isBetween(0.0, 5.0);
  }

  @Test
  void aLogWithoutDecorationsHasNoTimes() throws IOException {
    GcLog log = read("jdk25-parallel-none.log");

    assertThat(log.timeBase()).isEqualTo("none");
    assertThat(log.collector()).isEqualTo("Parallel");
    assertThat(log.collections()).isNotEmpty().allMatch(c -> Double.isNaN(c.startSeconds()));
  }

  @Test
  void decorationsAreRecognisedByTheirContentInAnyOrder() throws IOException {
    String line = " GC(7) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 3.456ms\n";
    for (String decorations :
        List.of(
            "[1.500s][info][gc]",
            "[gc][info][1.500s]",
            "[info ][gc,heap ][1500ms]",
            "[1500000000ns][host-a][4242][4243]",
            "[12][1.500s][myhost]",
            "[2026-11-21T22:59:35.659+0000][1,500s][gc]")) {
      GcLog log = GcLogReader.read("<in>", stream(decorations + line));

      GcCollection c = log.collections().get(0);
      assertThat(c.startSeconds()).as(decorations).isEqualTo(1.5);
      assertThat(c.heapAfterBytes()).as(decorations).isEqualTo(4L << 20);
      assertThat(c.pauses().get(0).durationMillis()).as(decorations).isEqualTo(3.456);
    }
  }

  @Test
  void outputOfTheProgramMixedIntoTheLogIsSkipped() throws IOException {
    GcLog log = read("jdk17-shenandoah-stdout.log");

    assertThat(log.collector()).isEqualTo("Shenandoah");
    assertThat(log.collections()).isNotEmpty();
  }

  @Test
  void badInputIsRejectedWithItsLine() {
    assertError(
        "",
        "<in>: on line 1: expected a JVM unified GC log line such as '[0.705s][info][gc] GC(3)");
    assertError(
        "   1:        197011       21567856  [B (java.base@17.0.15)\n",
        "<in>: on line 1: expected a JVM unified GC log line");
    assertError(
        "2024-01-01T00:00:00.000+0000: 1.234: [GC (Allocation Failure) [PSYoungGen:"
            + " 65536K->10720K(76288K)] 65536K->10728K(251392K), 0.0123456 secs]\n",
        "<in>: on line 1: expected a unified GC log (JDK 9+, -Xlog:gc*); this is a JDK 8"
            + " -XX:+PrintGCDetails log");
    assertError(
        "[0.1s][info][gc] Using G1\n[0.2s][info][gc] GC(0) Pause Young (Normal) 24X->4M(8M) 1.0ms\n",
        "<in>: on line 2: expected a pause line such as");
    assertError(
        "[0.1s][info][gc] GC(0) Pause Full 99999999999999999999M->1M(2M) 1.0ms\n",
        "<in>: on line 1: expected a heap size below 8 EiB");
    assertError(
        "[0.1s][info][gc] GC(1234567890123456789012) Pause Full 1M->1M(2M) 1.0ms\n",
        "<in>: on line 1: expected a GC id below 10^18");
    assertError(
        "[0.1s][info][gc] Using G1\n\0\0\0\n", "<in>: on line 2: expected text (found a NUL byte)");
  }

  @Test
  void mutatedCapturesNeverFailOtherwiseThanWithAFormatError() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String name :
        List.of(
            "jdk17-g1.log",
            "jdk25-zgc-generational.log",
            "jdk17-shenandoah-degenerated-handmade.log",
            "jdk11-zgc-handmade.log",
            "jdk17-g1-time-uptimemillis.log")) {
      byte[] all = Files.readAllBytes(DIR.resolve(name));
      seeds.add(java.util.Arrays.copyOf(all, Math.min(all.length, 12_000)));
    }

    Fuzz.of("gc-log", seeds, InputFormatException.class)
        .budget(Duration.ofSeconds(20))
        .run(input -> GcLogReader.read("fuzz", new ByteArrayInputStream(input)));
  }

  private static void assertError(String input, String messageStart) {
    assertThatThrownBy(() -> GcLogReader.read("<in>", stream(input)))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(messageStart);
  }

  private static GcLog read(String name) throws IOException {
    return GcLogReader.read(name, new ByteArrayInputStream(Files.readAllBytes(DIR.resolve(name))));
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }
}
