package dev.leakhound.formats.goroutine;

import java.util.Arrays;

/**
 * Interns int sequences (stacks of frame ids) to dense ids, so identical stacks are compared once
 * when they are first seen and as ints ever after. Open addressing over an int arena.
 *
 * <p>Not thread-safe.
 */
final class IntSequenceInterner {
  private int[] arena = new int[1 << 12];
  private int arenaSize;
  private int[] offsets = new int[256];
  private int[] lengths = new int[256];
  private int[] hashes = new int[256];
  private int size;
  private int[] table = new int[1024];
  private final long maxArenaInts;

  IntSequenceInterner(long maxArenaInts) {
    this.maxArenaInts = maxArenaInts;
  }

  int size() {
    return size;
  }

  /** The id of {@code seq[0, len)}; -1 when adding it would pass the arena limit. */
  int intern(int[] seq, int len) {
    int h = 1;
    for (int i = 0; i < len; i++) {
      h = 31 * h + seq[i];
    }
    h ^= h >>> 16;
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return add(seq, len, h, slot);
      }
      int id = entry - 1;
      if (hashes[id] == h
          && lengths[id] == len
          && Arrays.equals(arena, offsets[id], offsets[id] + len, seq, 0, len)) {
        return id;
      }
    }
  }

  private int add(int[] seq, int len, int h, int slot) {
    if ((long) arenaSize + len > maxArenaInts) {
      return -1;
    }
    if (arenaSize + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
    }
    System.arraycopy(seq, 0, arena, arenaSize, len);
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
      int[] bigger = new int[table.length * 2];
      int m = bigger.length - 1;
      for (int i = 0; i < size; i++) {
        int s = hashes[i] & m;
        while (bigger[s] != 0) {
          s = (s + 1) & m;
        }
        bigger[s] = i + 1;
      }
      table = bigger;
    }
    return id;
  }

  /** The sequences, indexed by id. */
  int[][] sequences() {
    int[][] out = new int[size][];
    for (int i = 0; i < size; i++) {
      out[i] = Arrays.copyOfRange(arena, offsets[i], offsets[i] + lengths[i]);
    }
    return out;
  }
}
