package dev.leakhound.formats.escape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscapeOutputReaderTest {
  static EscapeOutput read(String text) throws IOException {
    return new EscapeOutputReader()
        .read("m.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String EVERY_MESSAGE =
      """
      # example.com/app/cache
      ./cache.go:12:6: can inline (*LRU).Len
      ./cache.go:20:6: cannot inline (*LRU).Put: function too complex: cost 120 exceeds budget 80
      ./cache.go:21:2: moved to heap: buf
      ./cache.go:22:13: make([]byte, n) escapes to heap
      ./cache.go:23:9: &entry{...} does not escape
      ./cache.go:20:7: leaking param: c
      ./cache.go:20:22: leaking param content: items
      ./cache.go:30:15: leaking param: p to result ~r0 level=0
      ./cache.go:31:12: leaking closure reference x
      ./cache.go:35:14: inlining call to (*LRU).Len
      ./cache.go:36:10: devirtualizing s.Get to *LRU
      ./cache.go:40:11: F ignoring self-assignment in s.x = s.x[0:n]
      # example.com/app
      ./main.go:9:13: inlining call to cache.(*LRU).Len
      ./main.go:12:9: undefined: fetch
      """;

  @Test
  void everyMessageOfMinusMIsClassifiedWithItsSubject() throws IOException {
    EscapeOutput out = read(EVERY_MESSAGE);

    assertThat(out.packages()).containsExactly("example.com/app/cache", "example.com/app");
    assertThat(out.diagnostics())
        .extracting(
            d -> d.kind() + " " + d.subject() + (d.detail().isEmpty() ? "" : " | " + d.detail()))
        .containsExactly(
            "CAN_INLINE (*LRU).Len",
            "CANNOT_INLINE (*LRU).Put | function too complex: cost 120 exceeds budget 80",
            "MOVED_TO_HEAP buf",
            "ESCAPES_TO_HEAP make([]byte, n)",
            "DOES_NOT_ESCAPE &entry{...}",
            "LEAKING_PARAM c",
            "LEAKING_PARAM_CONTENT items",
            "LEAKING_PARAM p | to result ~r0 level=0",
            "LEAKING_CLOSURE_REFERENCE x",
            "INLINING_CALL (*LRU).Len",
            "DEVIRTUALIZING s.Get to *LRU",
            "NOTE  | F ignoring self-assignment in s.x = s.x[0:n]",
            "INLINING_CALL cache.(*LRU).Len");
    assertThat(out.diagnostics().get(2).position()).isEqualTo("./cache.go:21:2");
    assertThat(out.diagnostics().get(12).packagePath()).isEqualTo("example.com/app");
  }

  @Test
  void aCompileErrorIsKeptWithItsPositionAndDoesNotStopTheReading() throws IOException {
    EscapeOutput out = read(EVERY_MESSAGE);

    assertThat(out.errors())
        .containsExactly(
            new CompilerError("example.com/app", "./main.go:12:9", "undefined: fetch", 16));
  }

  @Test
  void theExplanationsOfMinusMMNameTheFunctionAndKeepTheFlow() throws IOException {
    EscapeOutput out =
        new EscapeOutputReader()
            .read(RepoRoot.resolve("testdata/escape/escape-mm-inventory.txt").toString());

    assertThat(out.explained()).isTrue();
    EscapeDiagnostic header =
        out.diagnostics().stream()
            .filter(d -> d.kind() == DiagnosticKind.EXPLANATION_HEADER && d.subject().equals("req"))
            .findFirst()
            .orElseThrow();
    assertThat(header.function()).isEqualTo("(*inventoryAPI).reserve");
    assertThat(header.position()).isEqualTo("go-shop/shop/inventory_reservations.go:90:6");
    int at = out.diagnostics().indexOf(header);
    assertThat(out.diagnostics().get(at + 1).kind()).isEqualTo(DiagnosticKind.FLOW);
    assertThat(out.diagnostics().get(at + 1).detail()).startsWith("flow: ");
    assertThat(out.errors()).isEmpty();
  }

  @Test
  void aMangledExplanationWhoseFunctionIsMissingReadsWithoutOne() throws IOException {
    // Found by the fuzzer: " with derefs=" starting at the last space of " for ".
    EscapeOutput out = read("./a.go:44:33: parameter id leaks to {heap} for with derefs=0:\n");

    assertThat(out.diagnostics()).extracting(EscapeDiagnostic::function).containsExactly("");
  }

  @Test
  void parameterLeakExplanationsNameTheirFunction() throws IOException {
    EscapeOutput out =
        read(
            "./a.go:44:33: parameter id leaks to {heap} for (*SessionStore).Remember with"
                + " derefs=0:\n./a.go:57:12: (*SessionStore).Len capturing by value: .autotmp_2"
                + " (addr=false assign=false width=8)\n");

    assertThat(out.diagnostics())
        .extracting(EscapeDiagnostic::function)
        .containsExactly("(*SessionStore).Remember", "(*SessionStore).Len");
  }

  @Test
  void anOldCompilerWithoutColumnsAndWindowsPathsAreRead() throws IOException {
    EscapeOutput out =
        read(
            "C:\\src\\app\\main.go:12: moved to heap: x\n<autogenerated>:1: leaking param: .this\n");

    assertThat(out.diagnostics())
        .extracting(EscapeDiagnostic::position)
        .containsExactly("C:\\src\\app\\main.go:12", "<autogenerated>:1");
  }

  @Test
  void goCommandFailuresAreErrorsButItsProgressIsNot() throws IOException {
    EscapeOutput out =
        read(
            "go: downloading example.com/x v1.0.0\ngo: example.com/y@v1: missing go.sum entry\n# a\n");

    assertThat(out.errors())
        .extracting(CompilerError::message)
        .containsExactly("go: example.com/y@v1: missing go.sum entry");
    assertThat(out.otherLines()).isEqualTo(1);
  }

  @Test
  void textWithNothingOfACompilerIsBadData() {
    assertThatThrownBy(() -> read("hello\nworld\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("m.txt: on line 1: expected the output of go build -gcflags=-m");
  }

  @Test
  void binaryInputIsBadData() {
    assertThatThrownBy(
            () ->
                new EscapeOutputReader().read("b", new ByteArrayInputStream(new byte[] {0, 1, 2})))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "b: at byte 0: expected the text output of go build -gcflags=-m, not binary data");
  }
}
