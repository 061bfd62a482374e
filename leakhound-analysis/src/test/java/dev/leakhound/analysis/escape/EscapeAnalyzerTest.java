package dev.leakhound.analysis.escape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.escape.EscapeReport.EscapeChange;
import dev.leakhound.analysis.escape.EscapeReport.FunctionEscapes;
import dev.leakhound.analysis.escape.EscapeReport.HeapMove;
import dev.leakhound.analysis.source.SourceLines;
import dev.leakhound.formats.escape.EscapeOutput;
import dev.leakhound.formats.escape.EscapeOutputReader;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscapeAnalyzerTest {
  static EscapeOutput read(String text) throws IOException {
    return new EscapeOutputReader()
        .read("m.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void minusMMOutputTiesEverySiteToItsFunctionWithTheReason() throws IOException {
    EscapeOutput mm =
        new EscapeOutputReader()
            .read(RepoRoot.resolve("testdata/escape/escape-mm-inventory.txt").toString());

    EscapeReport r = new EscapeAnalyzer().analyze(mm, null);

    assertThat(r.attribution()).isEqualTo("compiler");
    assertThat(r.explained()).isTrue();
    assertThat(r.movedToHeap())
        .containsExactly(
            new HeapMove(
                "req",
                "(*inventoryAPI).reserve",
                "leakhound.dev/lab/go-shop/shop",
                "go-shop/shop/inventory_reservations.go:90:6"));
    FunctionEscapes reserve =
        r.byFunction().stream()
            .filter(f -> f.function().equals("(*inventoryAPI).reserve"))
            .findFirst()
            .orElseThrow();
    assertThat(reserve.movedToHeap()).isEqualTo(1);
    assertThat(
            reserve.sites().stream()
                .filter(s -> s.what().equals("req"))
                .findFirst()
                .orElseThrow()
                .why())
        .first()
        .isEqualTo("flow: gin.obj ← &req:");
  }

  @Test
  void withoutExplanationsTheSourceTellsTheFunctionAndPackageLevelCodeIsInit() throws IOException {
    EscapeOutput m =
        read(
            """
            # example.com/app
            ./a.go:3:20: make(map[string]int) escapes to heap
            ./a.go:6:2: moved to heap: buf
            ./a.go:12:9: &T{...} escapes to heap
            ./a.go:15:13: []string{...} escapes to heap
            """);
    List<String> a =
        List.of(
            "package app",
            "",
            "var index = make(map[string]int)",
            "",
            "func (s *Store[K]) Put() {",
            "\tbuf := make([]byte, 10)",
            "\t_ = &buf",
            "}",
            "",
            "func New() *T {",
            "\t// ...",
            "\treturn &T{}",
            "}",
            "",
            "var names = []string{\"a\"}");
    SourceLines source =
        (file, line) -> file.equals("./a.go") && line <= a.size() ? a.get(line - 1) : null;

    EscapeReport r = new EscapeAnalyzer(source).analyze(m, null);

    assertThat(r.attribution()).isEqualTo("source");
    assertThat(r.byFunction())
        .extracting(f -> f.function() + "=" + f.heapEscapes())
        .containsExactly("init=2", "(*Store[...]).Put=1", "New=1");
  }

  @Test
  void withNeitherTheNearestInlineDeclarationAboveIsUsedAndSaidToBeApproximate()
      throws IOException {
    EscapeOutput m =
        read(
            """
            # example.com/app
            ./a.go:5:6: can inline small
            ./a.go:6:2: moved to heap: x
            ./a.go:8:9: can inline small.func1
            ./a.go:9:9: &T{...} escapes to heap
            """);

    EscapeReport r = new EscapeAnalyzer().analyze(m, null);

    assertThat(r.attribution()).isEqualTo("declarations");
    assertThat(r.byFunction()).extracting(FunctionEscapes::function).containsExactly("small");
  }

  @Test
  void aSiteReportedTwiceCountsOnce() throws IOException {
    EscapeOutput m =
        read(
            """
            # example.com/app
            ./a.go:6:2: moved to heap: buf
            ./a.go:6:2: moved to heap: buf
            """);

    assertThat(new EscapeAnalyzer().analyze(m, null).heapEscapes()).isEqualTo(1);
  }

  @Test
  void theDiffIgnoresLinesThatMovedAndListsWhatIsNew() throws IOException {
    EscapeOutput base =
        read(
            """
            # example.com/app
            ./a.go:5:6: can inline F
            ./a.go:6:2: moved to heap: buf
            ./a.go:9:13: make([]byte, n) escapes to heap
            """);
    EscapeOutput current =
        read(
            """
            # example.com/app
            ./a.go:7:6: can inline F
            ./a.go:8:2: moved to heap: buf
            ./a.go:9:2: moved to heap: tmp
            """);

    EscapeReport r = new EscapeAnalyzer().analyze(current, base);

    assertThat(r.diff().change()).isZero();
    assertThat(r.diff().newEscapes())
        .containsExactly(
            new EscapeChange("moved-to-heap", "tmp", "F", "example.com/app", "./a.go:9:2"));
    assertThat(r.diff().goneEscapes())
        .containsExactly(
            new EscapeChange("escapes", "make([]byte, n)", "F", "example.com/app", "./a.go:9:13"));
  }

  @Test
  void receiversAndGenericsBecomeTheCompilersNames() {
    assertThat(FunctionAttribution.declaredName("func (w *PriceWatcher) refreshLoop() {"))
        .isEqualTo("(*PriceWatcher).refreshLoop");
    assertThat(FunctionAttribution.declaredName("func (s Set[T]) Has(v T) bool {"))
        .isEqualTo("Set[...].Has");
    assertThat(FunctionAttribution.declaredName("func Map[K comparable, V any](m map[K]V) {"))
        .isEqualTo("Map");
    assertThat(FunctionAttribution.declaredName("func (*T) M() {")).isEqualTo("(*T).M");
  }
}
