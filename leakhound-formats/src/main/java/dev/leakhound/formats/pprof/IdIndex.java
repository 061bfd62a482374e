package dev.leakhound.formats.pprof;

import java.util.Arrays;

/**
 * Maps the ids of a profile's mappings, locations or functions to their positions in its lists: a
 * plain array when ids are dense (the common case: 1..n), else an open-addressing table. Built once
 * per profile; lookups allocate nothing.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class IdIndex {
  private static final int ABSENT = -1;

  private final int[] dense; // dense[id] = index, when ids are small
  private final long[] keys; // open addressing otherwise; 0 marks a free slot (ids are nonzero)
  private final int[] slots;
  private final int mask;

  private IdIndex(int[] dense, long[] keys, int[] slots) {
    this.dense = dense;
    this.keys = keys;
    this.slots = slots;
    this.mask = keys == null ? 0 : keys.length - 1;
  }

  /**
   * Indexes {@code ids}; returns the position of the first duplicate or zero id through {@code
   * problem[0]} (or -1 when all ids are unique and nonzero).
   */
  static IdIndex of(long[] ids, int[] problem) {
    problem[0] = -1;
    long max = 0;
    boolean negative = false;
    for (long id : ids) {
      if (id < 0) {
        negative = true;
      } else if (id > max) {
        max = id;
      }
    }
    if (!negative && max <= 4L * ids.length + 16) {
      int[] dense = new int[(int) max + 1];
      Arrays.fill(dense, ABSENT);
      for (int i = 0; i < ids.length; i++) {
        int id = (int) ids[i];
        if (id == 0 || dense[id] != ABSENT) {
          problem[0] = i;
          break;
        }
        dense[id] = i;
      }
      return new IdIndex(dense, null, null);
    }
    int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 + 1)) << 1;
    long[] keys = new long[capacity];
    int[] slots = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < ids.length; i++) {
      long id = ids[i];
      if (id == 0) {
        problem[0] = i;
        break;
      }
      int h = mix(id) & mask;
      while (keys[h] != 0 && keys[h] != id) {
        h = (h + 1) & mask;
      }
      if (keys[h] == id) {
        problem[0] = i;
        break;
      }
      keys[h] = id;
      slots[h] = i;
    }
    return new IdIndex(null, keys, slots);
  }

  /** The position of {@code id}, or -1 when no entry has it. */
  int indexOf(long id) {
    if (dense != null) {
      return id > 0 && id < dense.length ? dense[(int) id] : ABSENT;
    }
    if (id == 0) {
      return ABSENT;
    }
    int h = mix(id) & mask;
    while (keys[h] != 0) {
      if (keys[h] == id) {
        return slots[h];
      }
      h = (h + 1) & mask;
    }
    return ABSENT;
  }

  private static int mix(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
