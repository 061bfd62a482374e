package dev.leakhound.formats.expvar;

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

class ExpvarReaderTest {
  @Test
  void aRealDebugVarsDocumentGivesTheMemstatsFields() throws IOException {
    ExpvarSnapshot s = ExpvarReader.read("vars", capture());

    assertThat(s.memstat("HeapAlloc")).hasValue(875248.0);
    assertThat(s.memstat("HeapInuse")).hasValue(1908736.0);
    assertThat(s.memstat("NextGC")).hasValue(4194304.0);
    assertThat(s.memstat("NumGC")).hasValue(0.0);
    assertThat(s.memstat("PauseNs")).isEmpty();
    assertThat(s.cmdline()).isEqualTo("./capgen");
  }

  @Test
  void nestedNumericVariablesAreNamedWithDots() throws IOException {
    ExpvarSnapshot s =
        read("{\"goroutines\": 12, \"shop\": {\"orders\": 3, \"name\": \"x\"}, \"ok\": true}");

    assertThat(s.vars()).containsEntry("goroutines", 12.0).containsEntry("shop.orders", 3.0);
    assertThat(s.vars()).doesNotContainKey("shop.name").doesNotContainKey("ok");
    assertThat(s.hasMemstats()).isFalse();
  }

  @Test
  void escapesAndUnicodeInStringsAreDecoded() throws IOException {
    assertThat(read("{\"cmdline\": [\"a\\\"b\", \"\\u00e9\\n\"]}").cmdline()).isEqualTo("a\"b é\n");
  }

  @Test
  void anHtmlPageIsNotExpvar() {
    assertThatThrownBy(() -> read("<html><body>404</body></html>"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "vars: at byte 0: expected a JSON object (expvar /debug/vars), found '<html><body>404</bod...'");
  }

  @Test
  void aTruncatedDocumentNamesTheOffset() {
    assertThatThrownBy(() -> read("{\"memstats\": {\"HeapAlloc\": 12"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("vars: at byte 29: expected ',' or '}' in an object");
  }

  @Test
  void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("at most 64 levels of nesting");
  }

  @Test
  void mutatedDocumentsOnlyEverFailWithInputFormatException() throws IOException {
    Fuzz.of(
            "expvar",
            List.of(
                capture(),
                "{\"x\": [1, 2.5e-3, -0, true, null, {\"y\": \"\\u0041\"}]}"
                    .getBytes(StandardCharsets.UTF_8)),
            InputFormatException.class)
        .run(bytes -> ExpvarReader.read("fuzz", bytes));
  }

  private static byte[] capture() throws IOException {
    return Files.readAllBytes(RepoRoot.resolve("testdata/expvar/expvar-go1.26.json"));
  }

  private static ExpvarSnapshot read(String json) throws IOException {
    return ExpvarReader.read("vars", json.getBytes(StandardCharsets.UTF_8));
  }
}
