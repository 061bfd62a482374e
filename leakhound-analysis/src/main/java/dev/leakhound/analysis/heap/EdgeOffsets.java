package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * The offsets of a CSR adjacency list (where each node's edges start), as {@code long}s in 4 bytes
 * each: offsets never decrease, so only their low 32 bits are stored (off the heap, in {@link
 * MappedInts}) and the high bits are recovered from the few node numbers at which they step up.
 * Dumps of more than 2^32 references thus cost nothing extra per node, and the usual ones pay one
 * well-predicted branch per read.
 *
 * <p>Not thread-safe. Built by appending in node order; then read at random.
 */
final class EdgeOffsets {
  private final MappedInts low;
  private final int bits;
  private final long lowMask;
  private long[] stepsAt = new long[0];
  private int steps;
  private long last;

  /** Offsets whose low {@code bits} bits are stored (32; tests use fewer to make steps happen). */
  EdgeOffsets(MappedInts low, int bits) {
    this.low = low;
    this.bits = bits;
    this.lowMask = (1L << bits) - 1;
  }

  /** Appends the offset of the next node; offsets never decrease. */
  void add(long offset) {
    if (offset < last) {
      throw new IllegalArgumentException("offsets decrease: " + offset + " after " + last);
    }
    last = offset;
    while (offset >>> bits > steps) {
      if (steps == stepsAt.length) {
        stepsAt = Arrays.copyOf(stepsAt, Math.max(4, steps * 2));
      }
      stepsAt[steps++] = low.size();
    }
    low.add((int) (offset & lowMask));
  }

  long get(long index) {
    long value = low.get(index) & lowMask;
    return steps == 0 ? value : (high(index) << bits) | value;
  }

  /** Offsets read by a scan ({@link MappedInts#scan()}): outside the RSS, for sequential reads. */
  java.util.function.LongUnaryOperator scan() {
    MappedInts.Scan lows = low.scan();
    return index -> {
      long value = lows.get(index) & lowMask;
      return steps == 0 ? value : (high(index) << bits) | value;
    };
  }

  /** How many steps happened at or before {@code index}. */
  private long high(long index) {
    int lo = 0;
    int hi = steps;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (stepsAt[mid] <= index) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether every offset fits the low bits, i.e. equals what is stored. */
  boolean flat() {
    return steps == 0;
  }

  long size() {
    return low.size();
  }

  void close() {
    low.close();
  }
}
