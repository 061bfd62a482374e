package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GclogCommandTest {
  @Test
  void textShowsPausesFloorAndAdviceAsTheGoldenFileSays() {
    Cli.Result r = Cli.run("gclog", log("jdk17-g1-pressure.log"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    Golden.assertMatches(r.out(), "testdata/jvm/gclog/jdk17-g1-pressure.gclog.golden.txt");
  }

  @Test
  void jsonCarriesTheDocumentedKeys() throws IOException {
    Cli.Result r = Cli.run("gclog", log("jdk25-zgc-generational.log"), "--format", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = JsonRenderer.mapper().readTree(r.out());
    assertThat(keys(json))
        .containsExactly(
            "source",
            "collector",
            "jvmVersion",
            "maxHeapBytes",
            "timeBase",
            "spanSeconds",
            "collections",
            "pauses",
            "gcTimePercent",
            "pausesByType",
            "pausesByCause",
            "concurrentCycles",
            "allocationStalls",
            "heapAfterGc",
            "advice",
            "leakFound");
    assertThat(keys(json.get("pauses")))
        .containsExactly("key", "count", "totalMillis", "p50Millis", "p95Millis", "maxMillis");
    assertThat(json.get("collector").asText()).isEqualTo("Z");
    JsonNode floor = json.get("heapAfterGc");
    assertThat(floor.get("basis").asText()).isEqualTo("live");
    assertThat(keys(floor.get("verdict"))).startsWith("verdict");
    assertThat(keys(floor.get("series").get(0)))
        .containsExactly("gcId", "seconds", "bytes", "committedBytes");
  }

  @Test
  void gzippedLogsAndStandardInputAreRead(@TempDir Path dir) throws IOException {
    byte[] plain = Files.readAllBytes(RepoRoot.resolve("testdata/jvm/gclog/jdk25-g1.log"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }

    Cli.Result r = Cli.runWithStdin(gz.toByteArray(), "gclog", "-");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("GC log <stdin>: G1 on JDK 25");
  }

  @Test
  void aJdk8LogIsRejectedWithAHint(@TempDir Path dir) throws IOException {
    Path old = dir.resolve("gc8.log");
    Files.writeString(
        old,
        "2024-01-01T00:00:00.000+0000: 1.234: [GC (Allocation Failure) [PSYoungGen:"
            + " 65536K->10720K(76288K)] 65536K->10728K(251392K), 0.0123456 secs]\n");

    Cli.Result r = Cli.run("gclog", old.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).contains(old + ": on line 1: expected a unified GC log (JDK 9+");
  }

  @Test
  void failOnLeakExitsZeroWithoutALeakVerdict() {
    assertThat(Cli.run("gclog", log("jdk17-g1.log"), "--fail-on-leak").exitCode())
        .isEqualTo(ExitCodes.OK);
  }

  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  private static String log(String name) {
    return Path.of("")
        .toAbsolutePath()
        .relativize(RepoRoot.resolve("testdata/jvm/gclog/" + name))
        .toString();
  }
}
