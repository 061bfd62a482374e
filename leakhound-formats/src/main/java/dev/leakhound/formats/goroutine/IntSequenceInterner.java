package dev.leakhound.formats.goroutine;

import java.util.Arrays;

/**
 * Interns int sequences (stacks of frame ids) to dense ids, so identical stacks are compared once
 * when they are first seen and as ints ever after. Open addressing ({@link EntryTable}) over an int
 * arena.
 *
 * <p>Not thread-safe.
 */
final class IntSequenceInterner {
  private final EntryTable entries = new EntryTable();
  private final long maxArenaInts;
  private int[] arena = new int[1 << 12];
  private int arenaSize;

  IntSequenceInterner(long maxArenaInts) {
    this.maxArenaInts = maxArenaInts;
  }

  int size() {
    return entries.size;
  }

  /** The id of {@code seq[0, len)}; -1 when adding it would pass the arena limit. */
  int intern(int[] seq, int len) {
    int h = 1;
    for (int i = 0; i < len; i++) {
      h = 31 * h + seq[i];
    }
    h ^= h >>> 16;
    for (int slot = entries.firstSlot(h); ; slot = entries.nextSlot(slot)) {
      int id = entries.idAt(slot);
      if (id < 0) {
        return add(seq, len, h, slot);
      }
      int at = entries.offsets[id];
      if (entries.hashes[id] == h
          && entries.lengths[id] == len
          && Arrays.equals(arena, at, at + len, seq, 0, len)) {
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
    int id = entries.add(slot, arenaSize, len, h);
    arenaSize += len;
    return id;
  }

  /** The sequences, indexed by id. */
  int[][] sequences() {
    int[][] out = new int[entries.size][];
    for (int i = 0; i < out.length; i++) {
      int at = entries.offsets[i];
      out[i] = Arrays.copyOfRange(arena, at, at + entries.lengths[i]);
    }
    return out;
  }
}
