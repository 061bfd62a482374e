package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.cli.Cli;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.testkit.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextOrJsonOutputTest {
  private static final String LOG =
      RepoRoot.resolve("testdata/gctrace/control.gctrace.log").toString();

  @Test
  void aFormatTheCommandCannotWriteIsBadUsageBeforeAnyInputIsRead() {
    Cli.Result result = Cli.run("gctrace", "/no/such/file", "--format", "pprof");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--format").contains("text, json");
  }

  @Test
  void theLongOutputOptionWritesTheSameJsonAsStandardOutput(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gc.json");

    Cli.Result toFile = Cli.run("gctrace", LOG, "--format", "json", "--output", file.toString());
    Cli.Result toStdout = Cli.run("gctrace", LOG, "--format", "json");

    assertThat(toFile.exitCode()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(toStdout.out()).startsWith("{");
  }
}
