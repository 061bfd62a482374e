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

/** {@code leakhound escape} on real go-shop builds (testdata/escape). */
class EscapeCommandTest {
  @TempDir Path dir;

  private static String fixture(String name) {
    return RepoRoot.resolve("testdata/escape/" + name).toString();
  }

  private static String portable(String out) {
    return out.replace(RepoRoot.resolve("testdata/escape").toString() + "/", "");
  }

  @Test
  void heapEscapesAreCountedPerFunctionWithTheSourceAtHand() throws IOException {
    Cli.Result result =
        Cli.run(
            "escape",
            fixture("escape.txt"),
            "--source-root",
            RepoRoot.resolve("lab").toString(),
            "--format",
            "json");

    assertThat(result.exitCode()).isZero();
    JsonNode report = JsonRenderer.mapper().readTree(result.out());
    assertThat(report.fieldNames()).toIterable().startsWith("heapEscapes", "byFunction");
    assertThat(report.get("attribution").asText()).isEqualTo("source");
    Golden.assertMatches(portable(result.out()), "testdata/escape/escape.golden.json");
  }

  @Test
  void whatNewlyEscapesSinceTheBaseBuildIsListed() {
    Cli.Result result =
        Cli.run(
            "escape",
            fixture("escape.txt"),
            "--base",
            fixture("escape-base-c03a805.txt"),
            "--source-root",
            RepoRoot.resolve("lab").toString());

    assertThat(result.exitCode()).isZero();
    Golden.assertMatches(portable(result.out()), "testdata/escape/escape-diff.golden.txt");
  }

  @Test
  void compileErrorsAreReportedWithoutStoppingTheSummary() throws IOException {
    Path mixed = dir.resolve("mixed.txt");
    Files.writeString(
        mixed,
        """
        # example.com/app
        ./main.go:7:6: can inline grow
        ./main.go:8:2: moved to heap: buf
        ./main.go:12:9: undefined: fetch
        ./main.go:3:2: "os" imported and not used
        too many errors
        """);

    Cli.Result result = Cli.run("escape", mixed.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("1 heap escapes (1 moved to heap) in 1 package")
        .contains(
            """
            Compiler errors (3):
              ./main.go:12:9: undefined: fetch
              ./main.go:3:2: "os" imported and not used
              too many errors
            """);
  }

  @Test
  void somethingThatIsNotCompilerOutputEndsWith65() throws IOException {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "shopping list\nmilk\n");

    Cli.Result result = Cli.run("escape", notes.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(result.err())
        .startsWith(
            "leakhound: bad input: " + notes + ": on line 1: expected the output of go build");
  }
}
