package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real {@code go tool pprof} on the lab's profiles (testdata/pprof) and finds our flat and
 * cum equal to its own for its top 20 rows: plain top, per-line top, and {@code -diff_base}; and
 * checks that the diff we write as profile.proto shows the same top in pprof. Values are read with
 * {@code -unit=B}, which prints exact integers. Skipped when Go is not installed.
 */
class GoToolPprofComparisonTest {
  private static final String DATA = "testdata/pprof/";

  /** One row of pprof's -top table. */
  record Row(String name, long flat, long cum) {}

  @BeforeAll
  static void requireGo() {
    assumeTrue(goAvailable(), "go is not installed: skipping the comparison with go tool pprof");
  }

  private static Path data(String name) {
    return RepoRoot.resolve(DATA + name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "go-shop-heap-end.pb.gz",
        "go-shop-heap-start.pb.gz",
        "go-shop-goroutine-end.pb.gz"
      })
  void topMatchesGoToolPprofRowForRow(String name) throws Exception {
    List<Row> pprof = pprofTop(List.of("-top", "-flat", "-nodecount=20", data(name).toString()));

    TopReport ours =
        TopCalculator.compute(
            PprofReader.read(data(name)), TopOptions.defaults().withNodeCount(20));

    assertThat(pprof).hasSizeGreaterThanOrEqualTo(Math.min(20, ours.rows().size())).isNotEmpty();
    assertThat(rows(ours)).isEqualTo(pprof);
  }

  @Test
  void perLineTopMatchesGoToolPprofLines() throws Exception {
    Path heap = data("go-shop-heap-end.pb.gz");
    List<Row> pprof = pprofTop(List.of("-top", "-lines", "-nodecount=20", heap.toString()));

    TopReport ours =
        TopCalculator.compute(
            PprofReader.read(heap),
            TopOptions.defaults().withNodeCount(20).withGranularity(Granularity.LINE));

    assertThat(rows(ours)).isEqualTo(pprof);
  }

  @Test
  void diffMatchesGoToolPprofDiffBaseForItsTopRows() throws Exception {
    Path base = data("go-shop-heap-start.pb.gz");
    Path current = data("go-shop-heap-end.pb.gz");
    List<Row> pprof =
        pprofTop(List.of("-top", "-nodecount=20", "-diff_base=" + base, current.toString()));

    Profile diff = ProfileAlgebra.diff(PprofReader.read(base), PprofReader.read(current));
    TopReport ours = TopCalculator.compute(diff, TopOptions.defaults());

    // pprof orders a diff by |flat|, we by growth: match rows by name.
    Map<String, Row> byName = new LinkedHashMap<>();
    for (Row r : rows(ours)) {
      byName.put(r.name(), r);
    }
    assertThat(pprof).hasSize(20);
    for (Row r : pprof) {
      assertThat(byName.get(r.name())).as(r.name()).isEqualTo(r);
    }
    assertThat(pprofTotal(List.of("-top", "-diff_base=" + base, current.toString())))
        .isEqualTo(ours.total());
  }

  @Test
  void theDiffWeWriteShowsTheSameTopInGoToolPprof(@TempDir Path dir) throws Exception {
    Path base = data("go-shop-heap-start.pb.gz");
    Path current = data("go-shop-heap-end.pb.gz");
    Path written = dir.resolve("diff.pb.gz");
    Profile diff = ProfileAlgebra.diff(PprofReader.read(base), PprofReader.read(current));
    try (OutputStream out = Files.newOutputStream(written)) {
      new PprofRenderer().write(diff, out);
    }

    List<Row> ofWritten = pprofTop(List.of("-top", "-nodecount=20", written.toString()));
    List<Row> ofDiffBase =
        pprofTop(List.of("-top", "-nodecount=20", "-diff_base=" + base, current.toString()));

    assertThat(ofWritten).isEqualTo(ofDiffBase);
    assertThat(pprofTotal(List.of("-top", written.toString())))
        .isEqualTo(TopCalculator.compute(diff, TopOptions.defaults()).total());
  }

  private static List<Row> rows(TopReport report) {
    List<Row> out = new ArrayList<>();
    for (TopRow r : report.rows()) {
      out.add(new Row(r.name(), r.flat(), r.cum()));
    }
    return out;
  }

  /** The rows of {@code go tool pprof -unit=B ARGS}: flat, flat%, sum%, cum, cum%, name. */
  static List<Row> pprofTop(List<String> args) throws IOException, InterruptedException {
    List<Row> rows = new ArrayList<>();
    boolean table = false;
    for (String line : pprof(args).lines().toList()) {
      if (line.matches("\\s*flat\\s+flat%\\s+sum%\\s+cum\\s+cum%\\s*")) {
        table = true;
        continue;
      }
      if (!table || line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s+", 6);
      String name = f[5].replaceFirst(" \\((partial-)?inline\\)$", "");
      rows.add(new Row(name, bytes(f[0]), bytes(f[3])));
    }
    return rows;
  }

  /** The {@code of NB total} figure of pprof's header. */
  static long pprofTotal(List<String> args) throws IOException, InterruptedException {
    for (String line : pprof(args).lines().toList()) {
      var m = java.util.regex.Pattern.compile(" of (-?\\d+)B total").matcher(line);
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    throw new AssertionError("no total in pprof's output");
  }

  private static long bytes(String value) {
    return value.equals("0") ? 0 : Long.parseLong(value.substring(0, value.length() - 1));
  }

  private static String pprof(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("go", "tool", "pprof", "-unit=B"));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("go tool pprof did not finish: " + command);
    }
    assertThat(p.exitValue()).as("exit status of %s", command).isZero();
    return out;
  }

  private static boolean goAvailable() {
    try {
      Process p =
          new ProcessBuilder("go", "version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
