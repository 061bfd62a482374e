package dev.leakhound.analysis.heap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An {@code int[]} moved out of the Java heap into a temporary file while a phase that does not
 * need it runs (the dominator computation parks sizes, classes and node numbers this way, which is
 * what keeps the analyser's peak heap near 20 bytes per object), and read back afterwards.
 * Sequential I/O through one direct buffer; the file is deleted when the array is restored.
 *
 * <p>Not thread-safe; restore once.
 */
final class ParkedInts {
  private static final int CHUNK = 1 << 20;

  private final Path file;
  private final int length;

  private ParkedInts(Path file, int length) {
    this.file = file;
    this.length = length;
  }

  static ParkedInts park(int[] values) {
    try {
      Path file = Files.createTempFile("leakhound-heap-", ".ints");
      file.toFile().deleteOnExit();
      ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK * 4).order(ByteOrder.nativeOrder());
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
        for (int i = 0; i < values.length; i += CHUNK) {
          int n = Math.min(CHUNK, values.length - i);
          buf.clear();
          buf.asIntBuffer().put(values, i, n);
          buf.limit(n * 4);
          while (buf.hasRemaining()) {
            out.write(buf);
          }
        }
      }
      return new ParkedInts(file, values.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot park an array in a temporary file", e);
    }
  }

  int[] restore() {
    try {
      int[] values = new int[length];
      ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK * 4).order(ByteOrder.nativeOrder());
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
        for (int i = 0; i < length; i += CHUNK) {
          int n = Math.min(CHUNK, length - i);
          buf.clear();
          buf.limit(n * 4);
          while (buf.hasRemaining()) {
            if (in.read(buf) < 0) {
              throw new IOException("temporary file " + file + " is shorter than written");
            }
          }
          buf.flip();
          buf.asIntBuffer().get(values, i, n);
        }
      }
      Files.deleteIfExists(file);
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back a parked array", e);
    }
  }
}
