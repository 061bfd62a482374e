package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * A growable list of {@code long}s held in fixed chunks of 2^15 (256 KB, below G1's humongous
 * threshold), so growing never copies.
 *
 * <p>Not thread-safe. 8 bytes per element plus at most one partly used chunk.
 */
final class LongChunks {
  private static final int SHIFT = 15;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private long[][] chunks = new long[1024][];
  private int size;

  void add(long value) {
    int c = size >>> SHIFT;
    if (c == chunks.length) {
      chunks = Arrays.copyOf(chunks, c * 2);
    }
    long[] chunk = chunks[c];
    if (chunk == null) {
      chunk = chunks[c] = new long[CHUNK];
    }
    chunk[size & MASK] = value;
    size++;
  }

  long get(int index) {
    return chunks[index >>> SHIFT][index & MASK];
  }

  int size() {
    return size;
  }

  void clear() {
    chunks = new long[1024][];
    size = 0;
  }
}
