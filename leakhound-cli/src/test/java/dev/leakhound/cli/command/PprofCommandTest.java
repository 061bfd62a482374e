package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.cli.Cli;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code leakhound pprof top} and {@code pprof diff} on real go-shop captures (testdata/pprof),
 * against golden outputs, and on broken input.
 */
class PprofCommandTest {
  private static final String DATA = "testdata/pprof/";
  private static TimeZone savedZone;

  @BeforeAll
  static void printTimesInUtc() {
    savedZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterAll
  static void restoreTimeZone() {
    TimeZone.setDefault(savedZone);
  }

  private static String file(String name) {
    return RepoRoot.resolve(DATA + name).toString();
  }

  private static Cli.Result ok(String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
    return r;
  }

  @Test
  void topOfAHeapProfileReadsLikePprof() {
    Golden.assertMatches(
        ok("pprof", "top", file("go-shop-heap-end.pb.gz")).out(),
        DATA + "go-shop-heap-end.top.golden.txt");
  }

  @Test
  void topAsJsonHasTheDocumentedShape() {
    Golden.assertMatches(
        ok("pprof", "top", file("go-shop-heap-end.pb.gz"), "--format", "json", "--nodecount", "10")
            .out(),
        DATA + "go-shop-heap-end.top.golden.json");
  }

  @Test
  void topByLineShowsFileAndLine() {
    Golden.assertMatches(
        ok("pprof", "top", file("go-shop-heap-end.pb.gz"), "--by", "line", "--nodecount", "15")
            .out(),
        DATA + "go-shop-heap-end.lines.golden.txt");
  }

  @Test
  void goDebug1TextShowsTheSameCulprits() {
    Golden.assertMatches(
        ok("pprof", "top", file("go-shop-heap-end.debug1.txt.gz")).out(),
        DATA + "go-shop-heap-end.debug1.top.golden.txt");
  }

  @Test
  void topOfAGoroutineProfileCountsGoroutines() {
    Golden.assertMatches(
        ok("pprof", "top", file("go-shop-goroutine-end.pb.gz")).out(),
        DATA + "go-shop-goroutine-end.top.golden.txt");
  }

  @Test
  void diffShowsWhatGrewFirst() {
    Golden.assertMatches(
        ok("pprof", "diff", file("go-shop-heap-start.pb.gz"), file("go-shop-heap-end.pb.gz")).out(),
        DATA + "go-shop-heap.diff.golden.txt");
  }

  @Test
  void diffAsJsonHasTheDocumentedShape() {
    Golden.assertMatches(
        ok(
                "pprof",
                "diff",
                file("go-shop-heap-start.pb.gz"),
                file("go-shop-heap-end.pb.gz"),
                "--format",
                "json",
                "--nodecount",
                "10")
            .out(),
        DATA + "go-shop-heap.diff.golden.json");
  }

  @Test
  void diffAsPprofWritesAProfileWhoseTopIsTheDiffsTop(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("diff.pb.gz");

    ok(
        "pprof",
        "diff",
        file("go-shop-heap-start.pb.gz"),
        file("go-shop-heap-end.pb.gz"),
        "--format",
        "pprof",
        "-o",
        out.toString());

    byte[] written = Files.readAllBytes(out);
    assertThat(written[0] & 0xff).isEqualTo(0x1f); // gzipped, as go tool pprof expects
    Profile diff = PprofReader.read(out);
    assertThat(ok("pprof", "top", out.toString()).out())
        .isEqualTo(
            ok("pprof", "diff", file("go-shop-heap-start.pb.gz"), file("go-shop-heap-end.pb.gz"))
                .out());
    assertThat(diff.sampleTypes()).hasSize(4);
  }

  @Test
  void standardInputIsReadForADash() throws Exception {
    byte[] profile = Files.readAllBytes(Path.of(file("go-shop-heap-end.pb.gz")));

    Cli.Result r = Cli.runWithStdin(profile, "pprof", "top", "-", "--nodecount", "3");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("(*WarehouseClient).ReserveStock");
  }

  @Test
  void aTruncatedProfileNamesTheFileTheOffsetAndWhatWasExpected(@TempDir Path dir)
      throws Exception {
    byte[] whole = Files.readAllBytes(Path.of(file("go-shop-heap-end.pb.gz")));
    Path cut = dir.resolve("cut.pb.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 3));

    Cli.Result r = Cli.run("pprof", "top", cut.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .startsWith("leakhound: bad input: " + cut + ": at byte ")
        .contains("expected a complete, valid gzip stream")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aBadVarintNamesTheDecompressedOffset(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.pb");
    // string_table "" then a period field whose varint never ends.
    Files.write(bad, new byte[] {0x32, 0x00, 0x60, (byte) 0xff, (byte) 0xff});

    Cli.Result r = Cli.run("pprof", "top", bad.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err().strip())
        .isEqualTo(
            "leakhound: bad input: "
                + bad
                + ": at byte 3: expected a complete varint (the data ends inside it)");
  }

  @Test
  void aMalformedLegacySampleNamesItsLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("heap.txt");
    Files.writeString(bad, "heap profile: 1: 2 [3: 4] @ heap/1048576\n1: 2 [3: 4] @ 0x1\noops\n");

    Cli.Result r = Cli.run("pprof", "top", bad.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).startsWith("leakhound: bad input: " + bad + ": on line 3: expected");
  }

  @Test
  void usageErrorsExitWith64AndSayWhatIsWrong() {
    String heap = file("go-shop-heap-end.pb.gz");

    Cli.Result index = Cli.run("pprof", "top", heap, "--sample-index", "cpu");
    assertThat(index.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(index.err())
        .contains("must be one of: alloc_objects, alloc_space, inuse_objects, inuse_space");

    Cli.Result regex = Cli.run("pprof", "top", heap, "--focus", "(");
    assertThat(regex.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(regex.err()).contains("--focus is not a valid regular expression");

    Cli.Result noOutput = Cli.run("pprof", "diff", heap, heap, "--format", "pprof");
    assertThat(noOutput.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noOutput.err()).contains("give it a file with -o");

    assertThat(Cli.run("pprof", "top", heap, "--format", "pprof").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("pprof", "top", heap, "--by", "file").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("pprof", "top", "/no/such/profile.pb.gz").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void profilesOfDifferentKindsCannotBeDiffed() {
    Cli.Result r =
        Cli.run(
            "pprof", "diff", file("go-shop-goroutine-end.pb.gz"), file("go-shop-heap-end.pb.gz"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("cannot diff");
  }

  @Test
  void focusAndIgnoreFilterByFunction() {
    String heap = file("go-shop-heap-end.pb.gz");

    String focused = ok("pprof", "top", heap, "--focus", "SessionStore").out();
    String ignored = ok("pprof", "top", heap, "--ignore", "SessionStore").out();

    assertThat(focused)
        .contains("Active filters:", "focus=SessionStore", "(*SessionStore).Remember");
    assertThat(focused).doesNotContain("ReserveStock");
    assertThat(ignored).doesNotContain("(*SessionStore).Remember").contains("ReserveStock");
  }
}
