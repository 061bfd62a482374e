package dev.leakhound.formats.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens the inputs readers consume: a file or {@code -} for standard input, gunzipped when the
 * first bytes are the gzip magic (never by file name), with failures inside the gzip stream turned
 * into {@link InputFormatException}s that name the source and the compressed offset.
 *
 * <p>Stateless; every method is thread-safe. The streams it returns are not.
 */
public final class Inputs {
  /** The argument that means standard input. */
  public static final String STDIN = "-";

  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;
  private static final int BUFFER_SIZE = 1 << 16;

  private Inputs() {}

  /** The name to use in messages for a command-line argument: the path, or {@code <stdin>}. */
  public static String displayName(String pathOrDash) {
    return STDIN.equals(pathOrDash) ? "<stdin>" : pathOrDash;
  }

  /** Opens a file, or standard input for {@code -}, decompressing gzip when present. */
  public static InputStream open(String pathOrDash) throws IOException {
    if (STDIN.equals(pathOrDash)) {
      return decode(displayName(pathOrDash), nonClosing(System.in));
    }
    return open(Path.of(pathOrDash));
  }

  /** Opens a file, decompressing gzip when the content starts with the gzip magic. */
  public static InputStream open(Path path) throws IOException {
    return decode(path.toString(), Files.newInputStream(path));
  }

  /**
   * Wraps {@code raw} so that gzip content is decompressed and plain content passes through. The
   * returned stream is buffered.
   */
  public static InputStream decode(String source, InputStream raw) throws IOException {
    CountingInputStream counted = new CountingInputStream(raw);
    BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER_SIZE);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    if (b0 != GZIP_MAGIC_0 || b1 != GZIP_MAGIC_1) {
      return buffered;
    }
    try {
      GZIPInputStream gzip = new GZIPInputStream(buffered, BUFFER_SIZE);
      return new BufferedInputStream(new GzipFailureTranslator(source, gzip, counted), BUFFER_SIZE);
    } catch (IOException e) {
      throw InputFormatException.atByte(source, 0, "a valid gzip header", e);
    }
  }

  /** True when {@code head} starts with the gzip magic bytes. */
  public static boolean isGzip(byte[] head) {
    return head.length >= 2 && (head[0] & 0xff) == GZIP_MAGIC_0 && (head[1] & 0xff) == GZIP_MAGIC_1;
  }

  /**
   * Reads {@code in} to the end, failing once more than {@code maxBytes} arrive: a guard against
   * gzip bombs and endless bodies. Does not close {@code in}.
   */
  public static byte[] readAll(String source, InputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER_SIZE];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw InputFormatException.atByte(
            source, maxBytes, "at most " + maxBytes + " bytes of (decompressed) data");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Reads a whole file or standard input, gunzipped, with a size limit. */
  public static byte[] readAll(String pathOrDash, long maxBytes) throws IOException {
    try (InputStream in = open(pathOrDash)) {
      return readAll(displayName(pathOrDash), in, maxBytes);
    }
  }

  private static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  /** Turns zlib and truncation failures into an {@link InputFormatException}. */
  private static final class GzipFailureTranslator extends FilterInputStream {
    private final String source;
    private final CountingInputStream compressed;

    GzipFailureTranslator(String source, InputStream gzip, CountingInputStream compressed) {
      super(gzip);
      this.source = source;
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (InputFormatException e) {
        throw e;
      } catch (IOException e) {
        throw failure(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (InputFormatException e) {
        throw e;
      } catch (IOException e) {
        throw failure(e);
      }
    }

    private InputFormatException failure(IOException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return InputFormatException.atByte(
          source, compressed.count(), "a complete, valid gzip stream (" + detail + ")", e);
    }
  }
}
