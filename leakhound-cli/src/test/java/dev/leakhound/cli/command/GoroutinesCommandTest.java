package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.PeerTestData;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakhound goroutines} on real captures of the lab's go-shop (testdata/goroutine). */
class GoroutinesCommandTest {
  @TempDir Path dir;

  private static String fixture(String name) {
    return RepoRoot.resolve("testdata/goroutine/" + name).toString();
  }

  private static String labSources() {
    return RepoRoot.resolve("lab").toString();
  }

  private static final String[] LEAK = {
    "goroutines",
    fixture("leak-start.debug2.txt"),
    fixture("leak-end.debug2.txt"),
    fixture("leak-end.goroutineleak.debug1.txt"),
  };

  private static String[] with(String[] base, String... more) {
    List<String> out = new ArrayList<>(List.of(base));
    out.addAll(List.of(more));
    return out.toArray(new String[0]);
  }

  /** The three leaks of the lab's scenario, as "function pattern". */
  private static final String[] LEAK_SUSPECTS = {
    "leakhound.dev/lab/go-shop/shop.awaitReservationConfirmation blocked-receive",
    "leakhound.dev/lab/go-shop/shop.(*AuditTrail).shipWhenDone request-context-held",
    "leakhound.dev/lab/go-shop/shop.(*PriceWatcher).refreshLoop ticker-never-stopped",
  };

  private static List<String> suspects(JsonNode report) {
    List<String> suspects = new ArrayList<>();
    for (JsonNode g : report.get("groups")) {
      if (g.get("suspect").asBoolean()) {
        suspects.add(g.get("function").asText() + " " + g.get("pattern").asText());
      }
    }
    return suspects;
  }

  /** Fixture paths differ between checkouts; goldens name files by their base name. */
  private static String portable(String out) {
    return out.replace(RepoRoot.resolve("testdata/goroutine").toString() + "/", "");
  }

  @Test
  void eachLeakScenarioIsASuspectNamingItsFunctionAndPattern() throws IOException {
    Cli.Result result = Cli.run(with(LEAK, "--source-root", labSources(), "--format", "json"));

    assertThat(result.exitCode()).isZero();
    JsonNode report = JsonRenderer.mapper().readTree(result.out());
    assertThat(suspects(report)).containsExactlyInAnyOrder(LEAK_SUSPECTS);
    Golden.assertMatches(portable(result.out()), "testdata/goroutine/leak.golden.json");
  }

  @Test
  void theLeakReportReadsLikeGoleak() {
    Cli.Result result = Cli.run(with(LEAK, "--source-root", labSources()));

    assertThat(result.exitCode()).isZero();
    Golden.assertMatches(portable(result.out()), "testdata/goroutine/leak.golden.txt");
  }

  @Test
  void withoutTheSourceTheLeaksAreStillSuspectsNamedFromTheDump() throws IOException {
    Cli.Result result = Cli.run(with(LEAK, "--source-root", dir.toString(), "--format", "json"));

    JsonNode report = JsonRenderer.mapper().readTree(result.out());
    assertThat(report.get("suspects").asInt()).isEqualTo(3);
  }

  @Test
  void failOnLeakExitsWith3WhenASuspectIsFound() {
    assertThat(Cli.run(with(LEAK, "--fail-on-leak")).exitCode()).isEqualTo(ExitCodes.LEAK_FOUND);
  }

  @Test
  void theControlsHaveNoSuspectAndExit0EvenWithFailOnLeak() {
    Cli.Result result =
        Cli.run(
            "goroutines",
            fixture("control-start.debug2.txt"),
            fixture("control-end.debug2.txt"),
            fixture("control-end.goroutineleak.debug1.txt"),
            "--source-root",
            labSources(),
            "--fail-on-leak");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains(", 0 suspects");
    Golden.assertMatches(portable(result.out()), "testdata/goroutine/control.golden.txt");
  }

  @Test
  void countProfilesAloneFindTheGrowingGroups() throws IOException {
    Cli.Result result =
        Cli.run(
            "goroutines",
            fixture("leak-start.debug1.txt"),
            fixture("leak-end.debug1.txt"),
            "--format",
            "json");

    JsonNode report = JsonRenderer.mapper().readTree(result.out());
    assertThat(report.get("suspects").asInt()).isEqualTo(3);
    assertThat(report.get("groups").get(0).get("maxWaitMinutes").isNull()).isTrue();
  }

  @Test
  void theProtobufProfilesFindTheSameSuspectsAsTheText() throws IOException {
    Cli.Result result =
        Cli.run(
            "goroutines",
            fixture("leak-start.debug2.txt"),
            fixture("leak-end.pb.gz"),
            fixture("leak-end.goroutineleak.pb.gz"),
            "--source-root",
            labSources(),
            "--format",
            "json");

    assertThat(result.exitCode()).isZero();
    JsonNode report = JsonRenderer.mapper().readTree(result.out());
    assertThat(suspects(report)).containsExactlyInAnyOrder(LEAK_SUSPECTS);
    assertThat(report.get("dumps").get(2).get("role").asText()).isEqualTo("leak-listing");
  }

  @Test
  void theGoleakPeerDumpHasNoSuspect() {
    Path http = PeerTestData.require("uber-goleak/http.txt");

    Cli.Result result = Cli.run("goroutines", http.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("5 goroutines in " + http + " (debug=2), 5 groups, 0 suspects");
  }

  @Test
  void standardInputIsRead() throws IOException {
    byte[] dump = Files.readAllBytes(Path.of(fixture("control-end.debug2.txt")));

    Cli.Result result = Cli.runWithStdin(dump, "goroutines", "-");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("goroutines in <stdin> (debug=2)");
  }

  @Test
  void aBrokenDumpEndsWith65NamingFileLineAndWhatWasExpected() throws IOException {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(
        bad,
        "goroutine 1 [running]:\nmain.main()\n\t/app/main.go:5 +0x1d\n\ngoroutine 2 [select]:\n"
            + "main.loop()\nmain.main()\n",
        StandardCharsets.UTF_8);

    Cli.Result result = Cli.run("goroutines", bad.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(result.err())
        .isEqualTo(
            "leakhound: bad input: "
                + bad
                + ": on line 7: expected a tab-indented 'file:line' line after the function line"
                + " above (found 'main.main()')\n");
  }

  @Test
  void randomBytesEndWith65AndNoStackTrace() throws IOException {
    Path noise = dir.resolve("noise.bin");
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    Files.write(noise, bytes);

    Cli.Result result = Cli.run("goroutines", noise.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(result.err()).startsWith("leakhound: bad input: " + noise + ": at byte ");
    assertThat(result.err()).contains(": expected ");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void aTruncatedGzipEndsWith65NamingTheOffset() throws IOException {
    byte[] gz = Files.readAllBytes(Path.of(fixture("leak-end.pb.gz")));
    Path cut = dir.resolve("cut.gz");
    Files.write(cut, java.util.Arrays.copyOf(gz, gz.length / 2));

    Cli.Result result = Cli.run("goroutines", cut.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(result.err()).startsWith("leakhound: bad input: " + cut + ": at byte ");
  }
}
