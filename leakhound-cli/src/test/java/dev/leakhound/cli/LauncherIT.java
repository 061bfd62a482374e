package dev.leakhound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code bin/leakhound} as a user would, from another directory, with a bare PATH. */
class LauncherIT {
  private static final String BARE_PATH = "/usr/local/bin:/usr/bin:/bin";

  @TempDir Path elsewhere;

  @Test
  void helpWorksFromAnotherDirectoryWithOnlyTheDefaultJavaOnThePath() throws Exception {
    Run run = launcher(Map.of(), "--help");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Usage: leakhound").contains("demo");
  }

  @Test
  void versionWorksFromAnotherDirectory() throws Exception {
    Run run = launcher(Map.of(), "--version");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("leakhound 0.");
  }

  @Test
  void withoutAJdk21ItSaysSoInOneSentenceAndExitsNonZero() throws Exception {
    Run probe = run(List.of("bash", "-c", "java -version 2>&1 | head -n 1"), Map.of());
    assumeTrue(
        probe.out().matches("(?s).*version \"(1[0-9]|[1-9])[.\"].*"),
        "the java on the bare PATH is already 21 or newer, so 'no JDK 21' cannot be staged");

    Run run = launcher(Map.of("LEAKHOUND_JDK_DIRS", "/nonexistent", "JAVA_HOME", ""), "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.err().strip())
        .startsWith("leakhound: needs a JDK 21 or newer and found none")
        .doesNotContain("\n");
  }

  private Run launcher(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of(RepoRoot.resolve("bin/leakhound").toString()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  private Run run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("PATH", BARE_PATH);
    builder.environment().putAll(env);
    Path out = elsewhere.resolve("out.txt");
    Path err = elsewhere.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("bin/leakhound did not finish within 2 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String out, String err) {}
}
