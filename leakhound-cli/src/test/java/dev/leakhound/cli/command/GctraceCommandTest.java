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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakhound gctrace} on real go-shop logs (testdata/gctrace). */
class GctraceCommandTest {
  @TempDir Path dir;

  private static String fixture(String name) {
    return RepoRoot.resolve("testdata/gctrace/" + name).toString();
  }

  private static String portable(String out) {
    return out.replace(RepoRoot.resolve("testdata/gctrace").toString() + "/", "");
  }

  @Test
  void theLeakingServicesLogIsReadPastItsOwnOutput() {
    Cli.Result result = Cli.run("gctrace", fixture("leak.service.log"), "--gomemlimit", "64MiB");

    assertThat(result.exitCode()).isZero();
    Golden.assertMatches(portable(result.out()), "testdata/gctrace/leak.golden.txt");
  }

  @Test
  void theJsonHasTheDocumentedKeysFirst() throws IOException {
    Cli.Result result = Cli.run("gctrace", fixture("control.gctrace.log"), "--format", "json");

    JsonNode report = JsonRenderer.mapper().readTree(result.out());
    assertThat(report.fieldNames()).toIterable().startsWith("cycles", "liveHeapTrend", "advice");
    assertThat(report.get("advice")).isNotEmpty();
    assertThat(report.get("liveHeapTrend").get("verdict").asText()).isEqualTo("insufficient-data");
    assertThat(report.get("liveHeapTrend").get("engine").asText())
        .isEqualTo("dev.leakhound.analysis.trend");
    Golden.assertMatches(portable(result.out()), "testdata/gctrace/control.golden.json");
  }

  @Test
  void aBadMemoryLimitIsBadUsage() {
    Cli.Result result = Cli.run("gctrace", fixture("control.gctrace.log"), "--gomemlimit", "lots");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("512MiB");
  }

  @Test
  void aBrokenGcLineEndsWith65NamingFileLineAndField() throws IOException {
    Path bad = dir.resolve("bad.log");
    Files.writeString(
        bad,
        "starting\ngc 1 @0.009s 4%: 0.35+3.2+0.007 ms clock, 0.71+0/1.0/0.55+0.014 ms cpu,"
            + " 3->4 MB, 4 MB goal, 2 P\nbye\n");

    Cli.Result result = Cli.run("gctrace", bad.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(result.err())
        .startsWith("leakhound: bad input: " + bad + ": on line 2: expected a gctrace line")
        .contains("expected '->' at column 77");
  }
}
