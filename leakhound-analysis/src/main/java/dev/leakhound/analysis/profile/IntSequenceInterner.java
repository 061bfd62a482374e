package dev.leakhound.analysis.profile;

import java.util.Arrays;

/**
 * Interns sequences of ints (stacks of location indexes) to dense ids 0, 1, 2...: the sequences
 * live back to back in one {@code int[]}, found again through an open-addressing table of their
 * hashes. Lets the merge key a sample by (stack id, label id) in one {@code long} instead of
 * hashing boxed lists.
 *
 * <p>Not thread-safe. Memory: the stored ints plus three ints per distinct sequence and the table.
 */
final class IntSequenceInterner {
  private int[] data = new int[1 << 12];
  private int dataSize;
  private int[] start = new int[1 << 8];
  private int[] hashes = new int[1 << 8];
  private int count;
  private int[] table = new int[1 << 9]; // id + 1; 0 marks a free slot
  private int mask = table.length - 1;

  int size() {
    return count;
  }

  /** The id of the first {@code length} ints of {@code seq}, adding it when new. */
  int intern(int[] seq, int length) {
    int h = hash(seq, length);
    int slot = h & mask;
    while (table[slot] != 0) {
      int id = table[slot] - 1;
      if (hashes[id] == h && equal(id, seq, length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = add(seq, length, h);
    table[slot] = id + 1;
    if (count * 2 > table.length) {
      rehash();
    }
    return id;
  }

  int length(int id) {
    return start[id + 1] - start[id];
  }

  int get(int id, int k) {
    return data[start[id] + k];
  }

  /** Copies sequence {@code id} into {@code into} (which must be long enough). */
  void copy(int id, int[] into) {
    System.arraycopy(data, start[id], into, 0, length(id));
  }

  private int add(int[] seq, int length, int h) {
    if (count + 2 > start.length) {
      start = Arrays.copyOf(start, start.length * 2);
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
    }
    if (dataSize + length > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataSize + length));
    }
    System.arraycopy(seq, 0, data, dataSize, length);
    start[count] = dataSize;
    hashes[count] = h;
    dataSize += length;
    start[count + 1] = dataSize;
    return count++;
  }

  private boolean equal(int id, int[] seq, int length) {
    int from = start[id];
    return start[id + 1] - from == length
        && Arrays.equals(data, from, from + length, seq, 0, length);
  }

  private void rehash() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int id = 0; id < count; id++) {
      int slot = hashes[id] & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
  }

  private static int hash(int[] seq, int length) {
    int h = length;
    for (int i = 0; i < length; i++) {
      h = h * 0x9E3779B1 + seq[i];
    }
    return h ^ (h >>> 15);
  }
}
