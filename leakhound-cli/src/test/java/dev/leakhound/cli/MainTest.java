package dev.leakhound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsEveryCommandTheDesignNames() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "pprof",
            "goroutines",
            "gctrace",
            "escape",
            "trend",
            "histo",
            "gclog",
            "hprof",
            "serve",
            "check",
            "demo")
        .contains("Exit codes:", "65  bad input data");
  }

  @Test
  void subcommandsOfPprofHistoAndHprofAreListedInTheirHelp() {
    assertThat(Cli.run("pprof", "--help").out()).contains("top", "diff");
    assertThat(Cli.run("histo", "--help").out()).contains("diff");
    assertThat(Cli.run("hprof", "--help").out()).contains("diff");
  }

  @Test
  void versionNamesTheProductAndTheJavaRuntime() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("leakhound ").contains("Java ");
  }

  @Test
  void anUnknownCommandIsBadUsage() {
    Cli.Result result = Cli.run("frobnicate");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("'frobnicate'").contains("leakhound --help");
  }

  @Test
  void noCommandAtAllIsBadUsage() {
    assertThat(Cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void anUnknownFormatIsBadUsageThatListsTheChoices() {
    Cli.Result result = Cli.run("gctrace", "x.log", "--format", "xml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("text", "json");
  }
}
