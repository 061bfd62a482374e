package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.testkit.series.MemorySeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendCommandTest {
  private static final double MIB = 1024 * 1024;
  @TempDir Path dir;

  @Test
  void aLeakingSeriesGivesTheDocumentedJsonAndExit3WithFailOnLeak() throws IOException {
    Path csv = write("leak.csv", leaking().toCsv());

    Cli.Result r =
        Cli.run("trend", csv.toString(), "--limit", "1GiB", "--format", "json", "--fail-on-leak");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    JsonNode json = JsonRenderer.mapper().readTree(r.out());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .startsWith(
            "verdict",
            "confidence",
            "slopePerHour",
            "slopeLow",
            "slopeHigh",
            "timeToLimitSeconds",
            "timeToLimitLowSeconds",
            "timeToLimitHighSeconds",
            "reason")
        .contains("evidence");
    assertThat(json.get("verdict").asText()).isEqualTo("leak");
    assertThat(json.get("slopePerHour").asDouble()).isBetween(18 * MIB, 22 * MIB);
    assertThat(json.get("timeToLimitSeconds").asDouble()).isPositive();
    assertThat(json.get("evidence").get("trend").get("pValue").asDouble()).isLessThan(0.001);
  }

  @Test
  void withoutFailOnLeakALeakStillExits0AndTheTextStartsWithTheVerdict() throws IOException {
    Path csv = write("leak.csv", leaking().toCsv());

    Cli.Result r = Cli.run("trend", csv.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("leak (confidence 1.000)\nLeaking: the heap after GC floor grows");
    assertThat(r.out()).contains("  floor     after-gc values:");
  }

  @Test
  void aFlatSeriesIsNoLeakAndExits0EvenWithFailOnLeak() throws IOException {
    Path csv =
        write(
            "flat.csv",
            MemorySeries.builder(2)
                .duration(3 * 3600)
                .floor(256 * MIB)
                .gaussianNoise(MIB)
                .build()
                .toCsv());

    Cli.Result r = Cli.run("trend", csv.toString(), "--fail-on-leak");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("no-leak");
  }

  @Test
  void standardInputIsRead() throws IOException {
    byte[] csv = leaking().toCsv().getBytes(StandardCharsets.UTF_8);

    Cli.Result r = Cli.runWithStdin(csv, "trend", "-", "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"verdict\" : \"leak\"");
  }

  @Test
  void aWrongColumnNameExits64AndListsTheColumns() throws IOException {
    Path csv = write("s.csv", "time,heap_after_gc,requests\n1,2,3\n");

    Cli.Result r = Cli.run("trend", csv.toString(), "--column", "heap");

    assertThat(r.exitCode()).isEqualTo(64);
    assertThat(r.err())
        .contains(
            "no column 'heap' in "
                + csv
                + "; its columns are: heap_after_gc, requests"
                + " (time: time)");
  }

  @Test
  void badDataExits65WithTheLineAndWhatWasExpected() throws IOException {
    Path csv = write("bad.csv", "time,heap_after_gc\n1,5\n2,NaN\n");

    Cli.Result r = Cli.run("trend", csv.toString());

    assertThat(r.exitCode()).isEqualTo(65);
    assertThat(r.err())
        .isEqualTo(
            "leakhound: bad input: "
                + csv
                + ": on line 3: expected a finite number in column 'heap_after_gc', found \"NaN\""
                + " (leave the cell empty for a missing sample)\n");
  }

  @Test
  void timesThatGoBackAndAnEmptyFileExit65() throws IOException {
    assertThat(Cli.run("trend", write("u.csv", "time,rss\n5,1\n4,1\n").toString()).exitCode())
        .isEqualTo(65);
    Cli.Result empty = Cli.run("trend", write("e.csv", "").toString());
    assertThat(empty.exitCode()).isEqualTo(65);
    assertThat(empty.err()).contains("on line 1: expected a header line naming the columns");
  }

  @Test
  void infinityAndNegativeValuesExit65AndARepeatedTimeKeepsTheLaterRow() throws IOException {
    Cli.Result inf = Cli.run("trend", write("i.csv", "time,rss\n1,5\n2,Inf\n").toString());
    assertThat(inf.exitCode()).isEqualTo(65);
    assertThat(inf.err()).contains("on line 3: expected a finite number in column 'rss'");
    Cli.Result negative = Cli.run("trend", write("n.csv", "time,rss\n1,-5\n").toString());
    assertThat(negative.exitCode()).isEqualTo(65);
    assertThat(negative.err()).contains("on line 2: expected a value of 0 or more in column 'rss'");

    Cli.Result repeated =
        Cli.run("trend", write("d.csv", "time,rss\n1,5\n1,6\n").toString(), "--format", "json");
    assertThat(repeated.exitCode()).as(repeated.err()).isZero();
    assertThat(repeated.out()).contains("\"verdict\" : \"insufficient-data\"");
  }

  @Test
  void onePointIsASoundAnswerNotAnError() throws IOException {
    Cli.Result r =
        Cli.run(
            "trend",
            write("one.csv", "time,heap_after_gc\n1767225600,5000000\n").toString(),
            "--format",
            "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"verdict\" : \"insufficient-data\"");
  }

  @Test
  void badOptionValuesExit64() throws IOException {
    Path csv = write("s.csv", leaking().toCsv());

    assertThat(Cli.run("trend", csv.toString(), "--limit", "lots").err())
        .contains("--limit: expected a size in bytes such as 536870912, 512MiB or 2GB");
    assertThat(Cli.run("trend", csv.toString(), "--kind", "heapish").exitCode()).isEqualTo(64);
    assertThat(Cli.run("trend").exitCode()).isEqualTo(64);
    assertThat(Cli.run("trend", csv.toString(), "--format", "pprof").exitCode()).isEqualTo(64);
  }

  @Test
  void evaluateMeasuresTheEngineAndTheRulesOnALabelledCorpus() throws IOException {
    Path leak = Files.createDirectories(dir.resolve("corpus/a-leak"));
    Files.writeString(leak.resolve("signals.csv"), leaking().toCsv());
    Files.writeString(
        leak.resolve("label.properties"),
        "leak=true\nleak_start="
            + (long) MemorySeries.EPOCH
            + "\nrate_per_hour=20971520\nrelative_rate_per_hour=0.08\ncolumn=heap_after_gc\n");
    Path flat = Files.createDirectories(dir.resolve("corpus/b-flat"));
    Files.writeString(
        flat.resolve("signals.csv"),
        MemorySeries.builder(3)
            .duration(3 * 3600)
            .floor(256 * MIB)
            .gaussianNoise(MIB)
            .build()
            .toCsv());
    Files.writeString(flat.resolve("label.properties"), "leak=false\ncolumn=heap_after_gc\n");

    Cli.Result r = Cli.run("trend", "--evaluate", dir.resolve("corpus").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("a-leak", "b-flat", "leakhound", "threshold-5m", "predict-linear-30m", "targets");
  }

  private static MemorySeries leaking() {
    return MemorySeries.builder(1)
        .duration(3 * 3600)
        .sampling(30, 0)
        .floor(256 * MIB)
        .leak(20 * MIB, 0)
        .gaussianNoise(MIB)
        .build();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
