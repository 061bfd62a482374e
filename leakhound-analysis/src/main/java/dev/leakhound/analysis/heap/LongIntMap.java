package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values (linear probing, no boxing),
 * for class and string identifiers. Absent keys read as -1. Key 0 marks a free slot, so the key 0
 * itself is held apart: a probe touches two arrays, not three.
 *
 * <p>Not thread-safe. 12 bytes per slot, load factor at most one half.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;
  private boolean hasZero;
  private int zeroValue;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
  }

  int get(long key) {
    if (key == 0) {
      return hasZero ? zeroValue : -1;
    }
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  void put(long key, int value) {
    if (key == 0) {
      if (!hasZero) {
        hasZero = true;
        size++;
      }
      zeroValue = value;
      return;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (keys[i] != 0) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    size = hasZero ? 1 : 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public String toString() {
    return "LongIntMap" + Arrays.toString(new int[] {size});
  }
}
