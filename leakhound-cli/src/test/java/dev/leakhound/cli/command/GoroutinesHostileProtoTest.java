package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.cli.Cli;
import dev.leakhound.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile protobuf goroutine profiles, raw and gzipped: each ends in exit 65 naming the file, the
 * byte offset (of the decompressed data) and what was expected, never a stack trace.
 */
class GoroutinesHostileProtoTest {
  @TempDir Path dir;

  /** sample_type {type: 1, unit: 2}: a valid start that the broken part follows. */
  private static final int[] SAMPLE_TYPE = {0x0a, 0x04, 0x08, 0x01, 0x10, 0x02};

  static Stream<Arguments> hostileProfiles() {
    return Stream.of(
        Arguments.of(
            "a varint that never ends",
            concat(SAMPLE_TYPE, 0x48, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
            "at byte 7: expected a varint of at most 10 bytes"),
        Arguments.of(
            "a wrong wire type",
            concat(SAMPLE_TYPE, 0x15, 0, 0, 0, 0),
            "at byte 6: expected wire type 2 (length-delimited) for Profile.sample (field 2),"
                + " not wire type 5 (32-bit)"),
        Arguments.of(
            "an absurd length prefix",
            concat(SAMPLE_TYPE, 0x32, 0xff, 0xff, 0xff, 0xff, 0x0f),
            "at byte 7: expected a length of at most 0 bytes (what remains of the enclosing"
                + " message), not 4294967295"),
        Arguments.of(
            "a string index past the string table",
            concat(SAMPLE_TYPE, 0x32, 0x00),
            "at byte 0: expected a string_table index below 1 in ValueType.type, not 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileProfiles")
  void aBrokenProtobufProfileEndsWith65NamingTheOffset(String what, byte[] bytes, String expected)
      throws IOException {
    for (boolean gzip : new boolean[] {false, true}) {
      Path file = dir.resolve(gzip ? "broken.pb.gz" : "broken.pb");
      Files.write(file, gzip ? gzip(bytes) : bytes);

      Cli.Result result = Cli.run("goroutines", file.toString());

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DATA);
      assertThat(result.err()).isEqualTo("leakhound: bad input: " + file + ": " + expected + "\n");
      assertThat(result.out()).isEmpty();
    }
  }

  private static byte[] concat(int[] head, int... tail) {
    byte[] out = new byte[head.length + tail.length];
    for (int i = 0; i < head.length; i++) {
      out[i] = (byte) head[i];
    }
    for (int i = 0; i < tail.length; i++) {
      out[head.length + i] = (byte) tail[i];
    }
    return out;
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(raw);
    }
    return bytes.toByteArray();
  }
}
