package dev.leakhound.formats.pprof;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.Inputs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

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
  private static final long MAX_PREALLOCATION = 64L << 20;

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
    Bytes plain = new Bytes(data, data.length);
    String name = source;
    if (Inputs.isGzip(data)) {
      plain = gunzip(source, data);
      name = source + " (gunzipped)";
    }
    String firstLine = firstLine(plain);
    if (LegacyHeapProfileReader.recognizes(firstLine)) {
      return LegacyHeapProfileReader.read(name, plain.data(), 0, plain.length());
    }
    if (LegacyJavaProfileReader.recognizes(firstLine)) {
      return LegacyJavaProfileReader.read(name, plain.data(), 0, plain.length());
    }
    if (plain.length() == 0) {
      throw InputFormatException.atByte(
          name, 0, "a pprof profile (profile.proto or legacy text); the input is empty");
    }
    return ProfileProtoReader.read(name, plain.data(), 0, plain.length());
  }

  /**
   * Decompresses into one array sized by the gzip trailer's length field (the uncompressed size
   * modulo 2^32), so a large profile is not copied through growing buffers; grows if the hint is
   * wrong (several members, or over 4 GiB).
   */
  private static Bytes gunzip(String source, byte[] data) throws IOException {
    int n = data.length;
    long hint =
        n >= 18
            ? (data[n - 4] & 0xffL)
                | (data[n - 3] & 0xffL) << 8
                | (data[n - 2] & 0xffL) << 16
                | (data[n - 1] & 0xffL) << 24
            : 1 << 16;
    // Trust the hint only so far: a corrupt trailer must not allocate a gigabyte up front. Profiles
    // compress about 2-10 times; beyond 32 times the buffer grows as the data arrives.
    long plausible = Math.min(MAX_PREALLOCATION, Math.max(1 << 16, 32L * n));
    byte[] out = new byte[(int) Math.min(Math.max(hint, 16), plausible) + 1];
    int size = 0;
    try (InputStream in = Inputs.decode(source, new ByteArrayInputStream(data))) {
      for (int r; (r = in.read(out, size, out.length - size)) > 0; ) {
        size += r;
        if (size == out.length) {
          if (size > DEFAULT_MAX_BYTES) {
            throw InputFormatException.atByte(
                source,
                DEFAULT_MAX_BYTES,
                "at most " + DEFAULT_MAX_BYTES + " bytes of decompressed data");
          }
          out = Arrays.copyOf(out, (int) Math.min((long) out.length * 2, DEFAULT_MAX_BYTES + 1));
        }
      }
    }
    return new Bytes(out, size);
  }

  /** The first {@code length} bytes of {@code data}. */
  private record Bytes(byte[] data, int length) {}

  private static String firstLine(Bytes bytes) {
    int end = 0;
    int limit = Math.min(bytes.length(), FIRST_LINE_LIMIT);
    while (end < limit && bytes.data()[end] != '\n') {
      end++;
    }
    return new String(bytes.data(), 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
