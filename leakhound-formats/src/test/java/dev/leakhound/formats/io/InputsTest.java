package dev.leakhound.formats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path dir;

  @Test
  void plainContentPassesThroughUnchanged() throws IOException {
    assertThat(read("heap profile: 1: 2 [3: 4] @ heap/1048576\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("heap profile: 1: 2 [3: 4] @ heap/1048576\n");
  }

  @Test
  void gzipIsDetectedByItsMagicBytesNotByTheFileName() throws IOException {
    Path file = dir.resolve("profile.txt");
    Files.write(file, gzip("hello, gzip"));

    try (InputStream in = Inputs.open(file.toString())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, gzip");
    }
  }

  @Test
  void aTruncatedGzipStreamNamesTheFileAndTheCompressedOffset() throws IOException {
    byte[] whole = gzip("x".repeat(10_000) + "y".repeat(10_000));
    Path file = dir.resolve("cut.pb.gz");
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> Inputs.readAll(file.toString(), 1 << 20))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(file + ": at byte ")
        .hasMessageContaining("expected a complete, valid gzip stream");
  }

  @Test
  void readAllStopsAtTheLimitInsteadOfExhaustingMemory() {
    byte[] bomb = gzip("\0".repeat(5_000_000));

    assertThatThrownBy(
            () -> Inputs.readAll("bomb.gz", Inputs.decode("bomb.gz", stream(bomb)), 1_000_000))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "bomb.gz: at byte 1000000: expected at most 1000000 bytes of (decompressed) data");
  }

  @Test
  void theDashMeansStandardInputInMessages() {
    assertThat(Inputs.displayName("-")).isEqualTo("<stdin>");
    assertThat(Inputs.displayName("a.pb.gz")).isEqualTo("a.pb.gz");
  }

  @Test
  void aLineErrorReadsLikeACompilerMessage() {
    assertThat(InputFormatException.atLine("gc.log", 12, "a gctrace line").getMessage())
        .isEqualTo("gc.log: on line 12: expected a gctrace line");
  }

  private static String read(byte[] data) throws IOException {
    try (InputStream in = Inputs.decode("test", stream(data))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream stream(byte[] data) {
    return new ByteArrayInputStream(data);
  }

  static byte[] gzip(String text) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
