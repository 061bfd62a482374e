package dev.leakhound.formats.goroutine;

import java.util.Arrays;

/**
 * The index half of an interner: where each entry lies in its arena (offset, length), its hash, and
 * an open-addressing table from hash to id (stored as id + 1, linear probing, at most half full).
 * The arena itself (bytes for names, ints for stacks) belongs to the interner. Ids are dense, in
 * first-seen order.
 *
 * <p>Not thread-safe. About 16 bytes per entry.
 */
final class EntryTable {
  int[] offsets = new int[256];
  int[] lengths = new int[256];
  int[] hashes = new int[256];
  int[] table = new int[1024];
  int size;

  /** The slot a probe for {@code hash} starts at. */
  int firstSlot(int hash) {
    return hash & (table.length - 1);
  }

  int nextSlot(int slot) {
    return (slot + 1) & (table.length - 1);
  }

  /** The id in {@code slot}, or -1 for an empty slot. */
  int idAt(int slot) {
    return table[slot] - 1;
  }

  /** Records a new entry in the empty {@code slot} its probe ended at, and returns its id. */
  int add(int slot, int offset, int length, int hash) {
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int id = size++;
    offsets[id] = offset;
    lengths[id] = length;
    hashes[id] = hash;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      int[] bigger = new int[table.length * 2];
      int mask = bigger.length - 1;
      for (int i = 0; i < size; i++) {
        int s = hashes[i] & mask;
        while (bigger[s] != 0) {
          s = (s + 1) & mask;
        }
        bigger[s] = i + 1;
      }
      table = bigger;
    }
    return id;
  }
}
