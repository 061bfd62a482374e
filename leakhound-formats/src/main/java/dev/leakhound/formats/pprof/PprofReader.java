package dev.leakhound.formats.pprof;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.Inputs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads any pprof input Leakhound accepts, as pprof's {@code ParseData} does: gunzips when the
 * magic bytes say gzip, then recognizes the legacy text formats by their first line ({@link
 * LegacyHeapProfileReader}, {@link LegacyJavaProfileReader}) and decodes everything else as
 * profile.proto ({@link ProfileProtoReader}). A protobuf message never has a text first line (its
 * first byte is a tag, usually {@code \n}), so the choice is unambiguous and a bad proto reports
 * the proto error, not a text one.
 *
 * <p>Errors inside gzipped input name the source as {@code FILE (gunzipped)} with offsets in the
 * decompressed bytes; errors in the gzip stream itself name compressed offsets.
 *
 * <p>Stateless; thread-safe. Cost: the whole input is held in memory, up to {@link
 * #DEFAULT_MAX_BYTES} decompressed.
 */
public final class PprofReader {
  /** The largest decompressed input read: 1 GiB, a guard against gzip bombs. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  private static final int FIRST_LINE_LIMIT = 4096;

  private PprofReader() {}

  /** Reads a file, or standard input for {@code -}. */
  public static Profile read(String pathOrDash) throws IOException {
    try (InputStream in =
        Inputs.STDIN.equals(pathOrDash)
            ? System.in
            : java.nio.file.Files.newInputStream(Path.of(pathOrDash))) {
      return read(Inputs.displayName(pathOrDash), in);
    }
  }

  /** Reads a file. */
  public static Profile read(Path path) throws IOException {
    return read(path.toString());
  }

  /** Reads {@code in} to its end (does not close it); {@code source} names it in errors. */
  public static Profile read(String source, InputStream in) throws IOException {
    return parse(source, Inputs.readAll(source, in, DEFAULT_MAX_BYTES));
  }

  /** Parses {@code data}: gzipped or not, profile.proto or legacy text. */
  public static Profile parse(String source, byte[] data) throws IOException {
    byte[] plain = data;
    String name = source;
    if (Inputs.isGzip(data)) {
      try (InputStream gunzipped = Inputs.decode(source, new ByteArrayInputStream(data))) {
        plain = Inputs.readAll(source, gunzipped, DEFAULT_MAX_BYTES);
      }
      name = source + " (gunzipped)";
    }
    String firstLine = firstLine(plain);
    if (LegacyHeapProfileReader.recognizes(firstLine)) {
      return LegacyHeapProfileReader.read(name, plain, 0, plain.length);
    }
    if (LegacyJavaProfileReader.recognizes(firstLine)) {
      return LegacyJavaProfileReader.read(name, plain, 0, plain.length);
    }
    if (plain.length == 0) {
      throw InputFormatException.atByte(
          name, 0, "a pprof profile (profile.proto or legacy text); the input is empty");
    }
    return ProfileProtoReader.read(name, plain, 0, plain.length);
  }

  private static String firstLine(byte[] data) {
    int end = 0;
    int limit = Math.min(data.length, FIRST_LINE_LIMIT);
    while (end < limit && data[end] != '\n') {
      end++;
    }
    return new String(data, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
