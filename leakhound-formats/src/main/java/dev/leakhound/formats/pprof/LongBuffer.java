package dev.leakhound.formats.pprof;

import java.util.Arrays;

/** A growable {@code long[]} for the decoders. Not thread-safe. */
final class LongBuffer {
  private long[] data;
  private int size;

  LongBuffer(int capacity) {
    data = new long[Math.max(4, capacity)];
  }

  void add(long value) {
    if (size == data.length) {
      data = Arrays.copyOf(data, data.length * 2);
    }
    data[size++] = value;
  }

  long get(int index) {
    return data[index];
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(data, size);
  }
}
