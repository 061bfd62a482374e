package dev.leakhound.analysis.goroutine;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to int values, for per-goroutine lookups that must not box
 * (a million goroutines, one lookup each). Not thread-safe.
 */
final class LongIntMap {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys = new long[64];
  private int[] values = new int[64];
  private int size;

  LongIntMap() {
    Arrays.fill(keys, EMPTY);
  }

  /** The value of {@code key}, or {@code missing}. {@code key} must not be Long.MIN_VALUE. */
  int get(long key, int missing) {
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == EMPTY) {
        return missing;
      }
    }
  }

  void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      if (keys[slot] == EMPTY) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return;
      }
      if (keys[slot] == key) {
        values[slot] = value;
        return;
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
