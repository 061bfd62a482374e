package dev.leakhound.analysis.heap;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Maps object identifiers (heap addresses) to dense node numbers (their order in the dump). The
 * identifiers are kept sorted; when the dump did not list objects in address order (parallel
 * dumping does not), a permutation maps sorted positions back to node numbers. Identifiers are
 * stored as 4-byte offsets from the smallest one, in units of the common alignment, whenever they
 * fit (any heap below 32 GB of 8-byte aligned objects), and a table over the top bits narrows each
 * binary search to a few dozen entries.
 *
 * <p>Immutable after {@link #build}; thread-safe for reads. 4 bytes per object (8 when identifiers
 * do not compress), plus 4 for the permutation when needed.
 */
final class IdIndex {
  private final long min;
  private final int shift;
  private final int[] compact;
  private final long[] wide;
  private final int[] bucketStart;
  private final int bucketShift;
  private final int[] perm;

  private IdIndex(
      long min,
      int shift,
      int[] compact,
      long[] wide,
      int[] bucketStart,
      int bucketShift,
      int[] perm) {
    this.min = min;
    this.shift = shift;
    this.compact = compact;
    this.wide = wide;
    this.bucketStart = bucketStart;
    this.bucketShift = bucketShift;
    this.perm = perm;
  }

  /**
   * Builds the index over {@code n} identifiers (node i has id {@code ids.applyAsLong(i)}), read in
   * order two or three times; {@code ascending} when they are strictly increasing. Its arrays are
   * made in {@code ledger}; {@link #release} gives them back.
   */
  static IdIndex build(int n, IntToLongFunction ids, boolean ascending, ArrayLedger ledger) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long id = ids.applyAsLong(i);
      min = Math.min(min, id);
      max = Math.max(max, id);
    }
    if (n == 0) {
      return new IdIndex(0, 0, new int[0], null, new int[] {0, 0}, 31, null);
    }
    long bits = 0;
    for (int i = 0; i < n; i++) {
      bits |= ids.applyAsLong(i) - min;
    }
    int shift = bits == 0 ? 0 : Long.numberOfTrailingZeros(bits);
    long range = (max - min) >>> shift;
    if (range >= 0 && range < (1L << 32)) {
      int[] keys = ledger.ints("identifier index", n);
      for (int i = 0; i < n; i++) {
        keys[i] = (int) (((ids.applyAsLong(i) - min) >>> shift) - (1L << 31));
      }
      if (!ascending) {
        Arrays.sort(keys);
      }
      int bucketBits = Math.max(8, Math.min(22, 32 - Integer.numberOfLeadingZeros(n) - 4));
      int bucketShift = 32 - bucketBits;
      int[] starts = ledger.ints("identifier index buckets", (1 << bucketBits) + 1);
      int b = 0;
      for (int i = 0; i < n; i++) {
        int bucket = (keys[i] + Integer.MIN_VALUE) >>> bucketShift;
        while (b <= bucket) {
          starts[b++] = i;
        }
      }
      while (b < starts.length) {
        starts[b++] = n;
      }
      IdIndex sortedOnly = new IdIndex(min, shift, keys, null, starts, bucketShift, null);
      return ascending ? sortedOnly : withPermutation(sortedOnly, n, ids, ledger);
    }
    long[] keys = ledger.longs("identifier index", n);
    for (int i = 0; i < n; i++) {
      keys[i] = ids.applyAsLong(i);
    }
    if (!ascending) {
      Arrays.sort(keys);
    }
    IdIndex sortedOnly = new IdIndex(min, 0, null, keys, null, 0, null);
    return ascending ? sortedOnly : withPermutation(sortedOnly, n, ids, ledger);
  }

  private static IdIndex withPermutation(
      IdIndex sorted, int n, IntToLongFunction ids, ArrayLedger ledger) {
    int[] perm = ledger.ints("identifier permutation", n);
    Arrays.fill(perm, -1);
    for (int i = 0; i < n; i++) {
      int at = sorted.position(ids.applyAsLong(i));
      if (at >= 0 && perm[at] < 0) {
        perm[at] = i;
      }
    }
    return new IdIndex(
        sorted.min,
        sorted.shift,
        sorted.compact,
        sorted.wide,
        sorted.bucketStart,
        sorted.bucketShift,
        perm);
  }

  /** Out of {@code ledger}'s books: the index is no longer used. */
  void release(ArrayLedger ledger) {
    ledger.release(compact);
    ledger.release(wide);
    ledger.release(bucketStart);
    ledger.release(perm);
  }

  /** The node of {@code id}, or -1 when no object has it. */
  int indexOf(long id) {
    int at = position(id);
    if (at < 0 || perm == null) {
      return at;
    }
    return perm[at];
  }

  private int position(long id) {
    if (wide != null) {
      int at = Arrays.binarySearch(wide, id);
      return at < 0 ? -1 : at;
    }
    long offset = id - min;
    if (offset < 0 || (offset & ((1L << shift) - 1)) != 0) {
      return -1;
    }
    long unit = offset >>> shift;
    if (unit >= (1L << 32)) {
      return -1;
    }
    int key = (int) (unit - (1L << 31));
    int bucket = (int) (unit >>> bucketShift);
    int at = Arrays.binarySearch(compact, bucketStart[bucket], bucketStart[bucket + 1], key);
    return at < 0 ? -1 : at;
  }
}
