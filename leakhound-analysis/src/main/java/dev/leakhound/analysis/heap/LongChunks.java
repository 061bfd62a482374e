package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * A growable list of {@code long}s held in fixed chunks of 2^20, so growing never copies.
 *
 * <p>Not thread-safe. 8 bytes per element plus at most one partly used chunk.
 */
final class LongChunks {
  private long[][] chunks = new long[16][];
  private int size;

  void add(long value) {
    int c = size >>> IntChunks.SHIFT;
    if (c == chunks.length) {
      chunks = Arrays.copyOf(chunks, c * 2);
    }
    long[] chunk = chunks[c];
    if (chunk == null) {
      chunk = chunks[c] = new long[IntChunks.CHUNK];
    }
    chunk[size & IntChunks.MASK] = value;
    size++;
  }

  long get(int index) {
    return chunks[index >>> IntChunks.SHIFT][index & IntChunks.MASK];
  }

  int size() {
    return size;
  }

  void clear() {
    chunks = new long[16][];
    size = 0;
  }
}
