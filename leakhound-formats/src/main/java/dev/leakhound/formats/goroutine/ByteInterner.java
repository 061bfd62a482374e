package dev.leakhound.formats.goroutine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns byte ranges (function names, file positions, states) to dense int ids, so a dump with a
 * million goroutines but a few hundred distinct names allocates a few hundred Strings. Open
 * addressing over a byte arena; ids are assigned in first-seen order.
 *
 * <p>Not thread-safe. Memory: the distinct bytes once, plus about 16 bytes per distinct entry.
 */
final class ByteInterner {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] arena = new byte[1 << 16];
  private int arenaSize;
  private int[] offsets = new int[256];
  private int[] lengths = new int[256];
  private int[] hashes = new int[256];
  private int size;
  private int[] table = new int[1024]; // id + 1, 0 = empty
  private final long maxArenaBytes;

  ByteInterner(long maxArenaBytes) {
    this.maxArenaBytes = maxArenaBytes;
  }

  int size() {
    return size;
  }

  /**
   * The id of {@code bytes[from, to)}, adding it when new; -1 when adding it would pass the arena
   * limit (the caller reports bad input).
   */
  int intern(byte[] bytes, int from, int to) {
    int h = hash(bytes, from, to);
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return add(bytes, from, to, h, slot);
      }
      int id = entry - 1;
      if (hashes[id] == h && equalsAt(id, bytes, from, to)) {
        return id;
      }
    }
  }

  /** Interns an ASCII/UTF-8 string. */
  int intern(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return intern(b, 0, b.length);
  }

  private boolean equalsAt(int id, byte[] bytes, int from, int to) {
    int len = to - from;
    return lengths[id] == len
        && Arrays.equals(arena, offsets[id], offsets[id] + len, bytes, from, to);
  }

  private int add(byte[] bytes, int from, int to, int h, int slot) {
    int len = to - from;
    if ((long) arenaSize + len > maxArenaBytes) {
      return -1;
    }
    if (arenaSize + len > arena.length) {
      arena =
          Arrays.copyOf(
              arena,
              (int)
                  Math.min(
                      Integer.MAX_VALUE - 8, Math.max(arena.length * 2L, (long) arenaSize + len)));
    }
    System.arraycopy(bytes, from, arena, arenaSize, len);
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int id = size++;
    offsets[id] = arenaSize;
    lengths[id] = len;
    hashes[id] = h;
    arenaSize += len;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = id + 1;
    }
    table = bigger;
  }

  String string(int id) {
    return new String(arena, offsets[id], lengths[id], StandardCharsets.UTF_8);
  }

  /** All entries as Strings, indexed by id. */
  String[] strings() {
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
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
