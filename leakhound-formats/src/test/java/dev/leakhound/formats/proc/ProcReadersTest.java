package dev.leakhound.formats.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcReadersTest {
  @Test
  void statusGivesRssInBytesAndThreads() throws IOException {
    ProcStatus s = ProcStatusReader.read("status", capture("status-sleep.txt"));

    assertThat(s.name()).isEqualTo("my (weird) cmd");
    assertThat(s.pid()).isEqualTo(28117);
    assertThat(s.threads()).hasValue(1);
    assertThat(s.rssBytes().getAsLong()).isPositive().isEqualTo(s.field("VmRSS").getAsLong());
    assertThat(s.rssBytes().getAsLong() % 1024).isZero();
  }

  @Test
  void statmGivesPageCounts() throws IOException {
    ProcStatm m = ProcStatmReader.read("statm", capture("statm-cat.txt"));

    assertThat(m).isEqualTo(new ProcStatm(765, 408, 380, 5, 123));
    assertThat(m.residentBytes(4096)).isEqualTo(408 * 4096L);
  }

  @Test
  void statSplitsACommandWithSpacesAndParenthesesAtTheLastParenthesis() throws IOException {
    ProcStat s = ProcStatReader.read("stat", capture("stat-weird-comm.txt"));

    assertThat(s).isEqualTo(new ProcStat(28117, "my (weird) cmd", 'S', 1, 115330, 424));
  }

  @Test
  void statOfAnOrdinaryProcess() throws IOException {
    ProcStat s = ProcStatReader.read("stat", capture("stat-cat.txt"));

    assertThat(s.comm()).isEqualTo("cat");
    assertThat(s.state()).isEqualTo('R');
    assertThat(s.startTimeTicks()).isEqualTo(115550);
  }

  @Test
  void theLiveProcFilesOfThisJvmRead() throws IOException {
    long pid = ProcessHandle.current().pid();
    ProcStat stat =
        ProcStatReader.read(
            "stat", Files.readAllBytes(java.nio.file.Path.of("/proc/" + pid + "/stat")));
    ProcStatus status =
        ProcStatusReader.read(
            "status", Files.readAllBytes(java.nio.file.Path.of("/proc/" + pid + "/status")));

    assertThat(stat.pid()).isEqualTo(pid);
    assertThat(status.threads().getAsLong()).isGreaterThan(1);
  }

  @Test
  void aFileThatIsNotStatIsReported() {
    assertThatThrownBy(() -> ProcStatReader.read("stat", bytes("hello world")))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("stat: on line 1: expected 'PID (comm) state ...' of /proc/PID/stat");
    assertThatThrownBy(() -> ProcStatmReader.read("statm", bytes("1 2 x 4 5 6 7")))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("statm: on line 1: expected a page count (a non-negative integer), found 'x'");
    assertThatThrownBy(() -> ProcStatusReader.read("status", bytes("<html>\n")))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("status: on line 1: expected a 'Key:<tab>value' line of /proc/PID/status");
  }

  @Test
  void mutatedProcFilesOnlyEverFailWithInputFormatException() throws IOException {
    Fuzz.of(
            "proc-stat",
            List.of(capture("stat-weird-comm.txt"), capture("stat-cat.txt")),
            InputFormatException.class)
        .run(b -> ProcStatReader.read("fuzz", b));
    Fuzz.of("proc-statm", List.of(capture("statm-cat.txt")), InputFormatException.class)
        .run(b -> ProcStatmReader.read("fuzz", b));
    Fuzz.of(
            "proc-status",
            List.of(capture("status-sleep.txt"), capture("status-cat.txt")),
            InputFormatException.class)
        .run(b -> ProcStatusReader.read("fuzz", b));
  }

  private static byte[] capture(String name) throws IOException {
    return Files.readAllBytes(RepoRoot.resolve("testdata/proc/" + name));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
