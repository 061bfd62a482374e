package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoDiffCommandTest {
  @Test
  void textNamesTheSuspectsAsTheGoldenFileSays() {
    Cli.Result r = Cli.run("histo", "diff", h("1"), h("2"), h("3"), h("4"), "--top", "10");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    Golden.assertMatches(r.out(), "testdata/jvm/histo/jdk17-jcmd-series.diff.golden.txt");
  }

  @Test
  void jsonRowsCarryTheDocumentedKeysInOrderByBytesGrowth() throws IOException {
    Cli.Result r = Cli.run("histo", "diff", h("1"), h("4"), "--format", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = JsonRenderer.mapper().readTree(r.out());
    JsonNode rows = json.get("rows");
    assertThat(rows.size()).isGreaterThan(10);
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = rows.get(0).fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertThat(keys).startsWith("className", "instancesDelta", "bytesDelta");
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).get("bytesDelta").asLong())
          .isLessThanOrEqualTo(rows.get(i - 1).get("bytesDelta").asLong());
    }
    assertThat(json.get("suspects").get(0).get("className").asText())
        .isEqualTo("demo.shop.Session");
    assertThat(json.get("suspects").get(0).get("pattern").asText()).isEqualTo("static-collection");
    assertThat(json.get("leakFound").asBoolean()).isTrue();
  }

  @Test
  void failOnLeakExitsWithThreeAfterPrintingTheReport() {
    Cli.Result r = Cli.run("histo", "diff", h("1"), h("2"), h("3"), "--fail-on-leak");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.LEAK_FOUND);
    assertThat(r.out()).contains("Leak suspects");
  }

  @Test
  void noGrowthMeansExitZeroEvenWithFailOnLeak() {
    Cli.Result r = Cli.run("histo", "diff", h("1"), h("1"), "--fail-on-leak");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("No leak suspects");
  }

  @Test
  void successiveHistogramsAppendedInOneFileCountAsTheSeries(
      @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path both = dir.resolve("appended.txt");
    Files.write(both, concat(Files.readAllBytes(abs("1")), Files.readAllBytes(abs("3"))));

    Cli.Result r = Cli.run("histo", "diff", both.toString(), h("4"), "--format", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = JsonRenderer.mapper().readTree(r.out());
    assertThat(json.get("histograms").asInt()).isEqualTo(3);
    assertThat(json.get("sources").get(1).asText()).endsWith("appended.txt#2");
  }

  @Test
  void standardInputIsReadForADash() throws IOException {
    byte[] base = Files.readAllBytes(abs("1"));

    Cli.Result r = Cli.runWithStdin(base, "histo", "diff", "-", h("4"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("(<stdin> .. ");
  }

  @Test
  void badDataNamesTheFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, " num  #instances  #bytes  class name\n   1:  12x  45  Foo\n");

    Cli.Result r = Cli.run("histo", "diff", h("1"), bad.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).contains(bad + ": on line 2: expected a class histogram row");
  }

  @Test
  void oneFileIsNotEnough() {
    assertThat(Cli.run("histo", "diff", h("1")).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("histo", "diff", "-", "-").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("histo", "diff", h("1"), h("2"), "--min-bytes", "-1").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  /** A repository file as a path relative to the working directory: stable in golden output. */
  private static String h(String n) {
    return Path.of("").toAbsolutePath().relativize(abs(n)).toString();
  }

  private static Path abs(String n) {
    return RepoRoot.resolve("testdata/jvm/histo/jdk17-jcmd-" + n + ".txt");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
