package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * A growable list of {@code int}s held in fixed chunks of 2^16 (256 KB: below G1's humongous
 * threshold, so filling it never forces a concurrent cycle), so growing never copies (no doubling
 * peak on lists of hundreds of millions). Random access by {@code long} index.
 *
 * <p>Not thread-safe. 4 bytes per element plus at most one partly used chunk.
 */
final class IntChunks {
  static final int SHIFT = 16;
  static final int CHUNK = 1 << SHIFT;
  static final int MASK = CHUNK - 1;

  private int[][] chunks = new int[1024][];
  private long size;
  private int released;

  void add(int value) {
    int c = (int) (size >>> SHIFT);
    if (c == chunks.length) {
      chunks = Arrays.copyOf(chunks, c * 2);
    }
    int[] chunk = chunks[c];
    if (chunk == null) {
      chunk = chunks[c] = new int[CHUNK];
    }
    chunk[(int) (size & MASK)] = value;
    size++;
  }

  int get(long index) {
    return chunks[(int) (index >>> SHIFT)][(int) (index & MASK)];
  }

  /**
   * Frees every chunk that lies wholly before {@code index}; reading there afterwards fails. For
   * one forward sweep that consumes the list.
   */
  void releaseBefore(long index) {
    int upTo = (int) (index >>> SHIFT);
    for (int c = released; c < upTo; c++) {
      chunks[c] = null;
    }
    released = Math.max(released, upTo);
  }

  long size() {
    return size;
  }

  /** Copies into the start of {@code dest}, freeing each chunk as it goes. */
  void copyToAndClear(int[] dest) {
    for (int c = 0; c * (long) CHUNK < size; c++) {
      int n = (int) Math.min(CHUNK, size - (long) c * CHUNK);
      System.arraycopy(chunks[c], 0, dest, c * CHUNK, n);
      chunks[c] = null;
    }
    size = 0;
  }

  /** Copies into one array, freeing each chunk as it goes (the peak stays near one copy). */
  int[] toArrayAndClear() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("more than 2^31 elements: " + size);
    }
    int[] out = new int[(int) size];
    for (int c = 0; c * (long) CHUNK < size; c++) {
      int n = (int) Math.min(CHUNK, size - (long) c * CHUNK);
      System.arraycopy(chunks[c], 0, out, c * CHUNK, n);
      chunks[c] = null;
    }
    size = 0;
    return out;
  }
}
