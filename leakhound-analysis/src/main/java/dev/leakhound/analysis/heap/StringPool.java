package dev.leakhound.analysis.heap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The dump's STRING records (class and field names, mostly), kept as UTF-8 bytes in one pool and
 * decoded only when looked up: a dump holds hundreds of thousands of symbols and needs a few.
 *
 * <p>Not thread-safe. About the strings' UTF-8 size plus 20 bytes per string.
 */
final class StringPool {
  private final LongIntMap indexById = new LongIntMap(1 << 14);
  private byte[] bytes = new byte[1 << 16];
  private int used;
  private int[] starts = new int[1 << 12];
  private int count;

  void add(long id, ByteBuffer buffer, int position, int length) {
    if (used + (long) length > Integer.MAX_VALUE - 16) {
      return;
    }
    if (used + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
    }
    buffer.get(position, bytes, used, length);
    if (count + 2 > starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
    }
    starts[count] = used;
    used += length;
    starts[count + 1] = used;
    indexById.put(id, count);
    count++;
  }

  /** The string with {@code id}, or {@code null} when the dump has none. */
  String get(long id) {
    int i = indexById.get(id);
    if (i < 0) {
      return null;
    }
    return new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
  }
}
