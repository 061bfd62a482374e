package dev.leakhound.formats.jvm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.RepoRoot;
import dev.leakhound.testkit.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClassHistogramReaderTest {
  private static final Path DIR = RepoRoot.resolve("testdata/jvm/histo");

  static List<String> captures() {
    return TestFiles.names("testdata/jvm/histo", ".txt");
  }

  @ParameterizedTest
  @MethodSource("captures")
  void everyCaptureReadsAsItsGoldenFileSays(String name) throws IOException {
    List<ClassHistogram> read = readAll(name, Files.readAllBytes(DIR.resolve(name)));

    Golden.assertMatches(
        Dumps.histograms(read), "testdata/jvm/histo/" + name.replace(".txt", ".golden.txt"));
  }

  @Test
  void jdk17ModulesAreSplitFromTheClassNameAndTheUnnamedModuleHasNone() throws IOException {
    ClassHistogram h = read("jdk17-jcmd-1.txt");

    assertThat(h.hasModuleColumn()).isTrue();
    assertThat(h.entries().get(0).className()).isEqualTo("[B");
    assertThat(h.entries().get(0).module()).isEqualTo("java.base@17.0.15");
    assertThat(h.entries().get(0).moduleName()).isEqualTo("java.base");
    assertThat(h.entries())
        .filteredOn(e -> e.className().equals("demo.shop.Session"))
        .singleElement()
        .satisfies(e -> assertThat(e.module()).isNull());
    assertThat(h.entries())
        .extracting(ClassHistogramEntry::className)
        .contains("[Ljava.lang.Object;", "java.lang.ThreadLocal$ThreadLocalMap$Entry");
  }

  @Test
  void aWholeHistogramsTotalIsTheSumOfItsRows() throws IOException {
    ClassHistogram h = read("jdk25-jcmd-1.txt");

    assertThat(h.complete()).isTrue();
    assertThat(h.totalBytes()).isEqualTo(h.entries().stream().mapToLong(e -> e.bytes()).sum());
    assertThat(h.totalInstances())
        .isEqualTo(h.entries().stream().mapToLong(e -> e.instances()).sum());
    assertThat(h.entries())
        .anyMatch(e -> e.className().matches("demo\\.shop\\.Workload\\$\\$Lambda/0x[0-9a-f]+"));
  }

  @Test
  void jdk8OutputHasNoModulesAndKeepsLambdaNames() throws IOException {
    ClassHistogram h = read("jdk8-jmap-histo.txt");

    assertThat(h.hasModuleColumn()).isFalse();
    assertThat(h.entries()).allMatch(e -> e.module() == null);
    assertThat(h.entries())
        .extracting(ClassHistogramEntry::className)
        .contains("[C", "com.example.shop.Workload$$Lambda$4/1831932724");
  }

  @Test
  void theServiceabilityAgentVariantIsReadWithItsChatterSkipped() throws IOException {
    ClassHistogram h = read("jdk8-jmap-F-histo.txt");

    assertThat(h.entries()).hasSize(10);
    assertThat(h.entries().get(0).className()).isEqualTo("char[]");
    assertThat(h.complete()).isTrue();
    assertThat(h.totalInstances()).isEqualTo(792_705);
  }

  @Test
  void applicationModulesWithAndWithoutVersionsAreKept() throws IOException {
    ClassHistogram h = read("jdk11-jcmd-histo.txt");

    assertThat(h.entries())
        .filteredOn(e -> e.className().startsWith("org.example."))
        .extracting(ClassHistogramEntry::module)
        .containsExactly("org.example.lib@2.1.0", "org.example.plain");
  }

  @Test
  void successiveJcmdOutputsInOneFileAreReadInOrder() throws IOException {
    byte[] both = concat(bytes("jdk17-jcmd-1.txt"), bytes("jdk17-jcmd-2.txt"));

    List<ClassHistogram> all = readAll("both.txt", both);

    assertThat(all).hasSize(2);
    assertThat(all.get(1).firstLine()).isGreaterThan(all.get(0).firstLine());
    assertThatThrownBy(() -> ClassHistogramReader.read("both.txt", new ByteArrayInputStream(both)))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("expected one class histogram");
  }

  @Test
  void textCutBeforeTheTotalLineIsIncompleteWithTheRowsSummed() throws IOException {
    String cut =
        """
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:        197011       21567856  [B (java.base@17.0.15)
           2:         63202        2022464  demo.shop.Session
        """;

    ClassHistogram h = readAll("cut.txt", cut.getBytes(UTF_8)).get(0);

    assertThat(h.complete()).isFalse();
    assertThat(h.totalInstances()).isEqualTo(260_213);
    assertThat(h.totalBytes()).isEqualTo(23_590_320);
  }

  @Test
  void jcmdsErrorTextNamesTheLineItFoundInsteadOfAHistogram() {
    String failed =
        """
        4242:
        com.sun.tools.attach.AttachNotSupportedException: Unable to open socket file
        """;

    assertThatThrownBy(() -> readAll("failed.txt", failed.getBytes(UTF_8)))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "failed.txt: on line 2: expected a class histogram header or row, found"
                + " 'com.sun.tools.attach.AttachNotSupportedException: Unable to open socket"
                + " file'");
  }

  @Test
  void badInputIsRejectedWithItsLine() {
    assertError("", "<in>: on line 1: expected a class histogram (jmap -histo or jcmd");
    assertError(
        " num  #instances  #bytes  class name\n   1:   12x  45  Foo\n",
        "<in>: on line 2: expected a class histogram row such as");
    assertError(
        " num  #instances  #bytes  class name\n   1:   12  45  Foo\nTotal 1 45\n",
        "<in>: on line 3: expected a Total line at least the sum of the rows (12 instances, 45"
            + " bytes)");
    assertError(
        " num  #instances  #bytes  class name\n   1:   99999999999999999999  45  Foo\n",
        "<in>: on line 2: expected a count below 2^63");
    assertError(
        " num  #instances  #bytes  class name\n   1:   1  45  Foo\nTotal 1 45\n   2:  1  1  Bar\n",
        "<in>: on line 4: expected a new histogram header after the Total line");
    assertError(
        " num  #instances  #bytes  class name\n   1:   1  45  Foo\0\n",
        "<in>: on line 2: expected text (found a NUL byte)");
    assertError(
        " num  #instances  #bytes  class name\n" + "x".repeat(70_000) + "\n",
        "<in>: on line 2: expected a line of at most 65536 bytes");
    assertError(
        "[0.005s][info][gc] Using G1\n",
        "<in>: on line 1: expected a class histogram header or row, found '[0.005s]");
  }

  @Test
  void mutatedCapturesNeverFailOtherwiseThanWithAFormatError() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String name :
        List.of("jdk17-jcmd-1.txt", "jdk8-jmap-F-histo.txt", "jdk11-jcmd-histo.txt")) {
      seeds.add(bytes(name));
    }

    Fuzz.of("class-histogram", seeds, InputFormatException.class)
        .budget(Duration.ofSeconds(20))
        .run(input -> readAll("fuzz", input));
  }

  private static void assertError(String input, String messageStart) {
    assertThatThrownBy(() -> readAll("<in>", input.getBytes(UTF_8)))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(messageStart);
  }

  private static ClassHistogram read(String name) throws IOException {
    try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
      return ClassHistogramReader.read(name, in);
    }
  }

  private static List<ClassHistogram> readAll(String name, byte[] bytes) throws IOException {
    return ClassHistogramReader.readAll(name, new ByteArrayInputStream(bytes));
  }

  private static byte[] bytes(String name) throws IOException {
    return Files.readAllBytes(DIR.resolve(name));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
