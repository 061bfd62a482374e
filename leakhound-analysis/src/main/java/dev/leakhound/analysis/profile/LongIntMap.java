package dev.leakhound.analysis.profile;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values, without boxing: the hot
 * lookup of the merge (sample key to merged sample).
 *
 * <p>Not thread-safe.
 */
final class LongIntMap {
  private static final long FREE = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, FREE);
    values = new int[capacity];
    mask = capacity - 1;
  }

  /** The value of {@code key}, or -1. Keys must not be {@code Long.MIN_VALUE}. */
  int get(long key) {
    int slot = mix(key) & mask;
    while (keys[slot] != FREE) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  void put(long key, int value) {
    int slot = mix(key) & mask;
    while (keys[slot] != FREE && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == FREE) {
      size++;
    }
    keys[slot] = key;
    values[slot] = value;
    if (size * 2 > keys.length) {
      grow();
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    values = new int[keys.length];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] != FREE) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }
}
