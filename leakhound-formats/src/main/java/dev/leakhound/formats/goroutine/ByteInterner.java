package dev.leakhound.formats.goroutine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns byte ranges (function names, file positions, states) to dense int ids, so a dump with a
 * million goroutines but a few hundred distinct names allocates a few hundred Strings. Open
 * addressing ({@link EntryTable}) over a byte arena; ids are assigned in first-seen order.
 *
 * <p>Not thread-safe. Memory: the distinct bytes once, plus about 16 bytes per distinct entry.
 */
final class ByteInterner {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final EntryTable entries = new EntryTable();
  private final long maxArenaBytes;
  private byte[] arena = new byte[1 << 16];
  private int arenaSize;

  ByteInterner(long maxArenaBytes) {
    this.maxArenaBytes = maxArenaBytes;
  }

  int size() {
    return entries.size;
  }

  /**
   * The id of {@code bytes[from, to)}, adding it when new; -1 when adding it would pass the arena
   * limit (the caller reports bad input).
   */
  int intern(byte[] bytes, int from, int to) {
    int h = hash(bytes, from, to);
    int len = to - from;
    for (int slot = entries.firstSlot(h); ; slot = entries.nextSlot(slot)) {
      int id = entries.idAt(slot);
      if (id < 0) {
        return add(bytes, from, len, h, slot);
      }
      int at = entries.offsets[id];
      if (entries.hashes[id] == h
          && entries.lengths[id] == len
          && Arrays.equals(arena, at, at + len, bytes, from, to)) {
        return id;
      }
    }
  }

  /** Interns an ASCII/UTF-8 string. */
  int intern(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return intern(b, 0, b.length);
  }

  private int add(byte[] bytes, int from, int len, int h, int slot) {
    if ((long) arenaSize + len > maxArenaBytes) {
      return -1;
    }
    if (arenaSize + len > arena.length) {
      long grown = Math.max(arena.length * 2L, (long) arenaSize + len);
      arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8, grown));
    }
    System.arraycopy(bytes, from, arena, arenaSize, len);
    int id = entries.add(slot, arenaSize, len, h);
    arenaSize += len;
    return id;
  }

  String string(int id) {
    return new String(arena, entries.offsets[id], entries.lengths[id], StandardCharsets.UTF_8);
  }

  /** All entries as Strings, indexed by id. */
  String[] strings() {
    String[] out = new String[entries.size];
    for (int i = 0; i < out.length; i++) {
      out[i] = string(i);
    }
    return out;
  }

  static int hash(byte[] bytes, int from, int to) {
    // Eight bytes per multiply: names are hashed once per frame line of a dump with millions of
    // them, and a byte-at-a-time hash was the reader's hottest loop.
    long h = 0x9E3779B97F4A7C15L ^ (to - from);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h =
          Long.rotateLeft(h ^ ((long) LONGS.get(bytes, i) * 0xC2B2AE3D27D4EB4FL), 31)
              * 0x9E3779B97F4A7C15L;
    }
    long tail = 0;
    for (int shift = 0; i < to; i++, shift += 8) {
      tail |= (bytes[i] & 0xffL) << shift;
    }
    h = (h ^ (tail * 0xC2B2AE3D27D4EB4FL)) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
