package dev.leakhound.analysis.heap;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Allocates the Java-heap arrays of one heap analysis whose length grows with the dump (per object,
 * per reachable node, per GC root, per stack frame of a search) and keeps the books on them: the
 * bytes live now and the most ever live at once, with what was live then. Every such array of the
 * analysis is made here and handed back with {@link #release} when its phase drops it, so the peak
 * is the analysis's own heap high-water mark, accounted exactly (array headers and padding
 * included, as on a 64-bit HotSpot VM with compressed class pointers); what is not made here is
 * bounded by the number of classes and symbols, not of objects. Issue #8's memory target (at most
 * 16 bytes of analyser heap per object) is asserted on this figure.
 *
 * <p>An array never released is counted until the end (the books err high, never low). Not
 * thread-safe: one ledger per analysis. Cost: a map entry per live array (a few dozen at most).
 */
final class ArrayLedger {
  private static final long HEADER = 16;

  private final Map<Object, Entry> live = new IdentityHashMap<>();
  private long liveBytes;
  private long peakBytes;
  private String peakArrays = "";

  private record Entry(String name, long bytes) {}

  int[] ints(String name, int length) {
    return track(name, new int[length], HEADER + align(4L * length));
  }

  long[] longs(String name, int length) {
    return track(name, new long[length], HEADER + 8L * length);
  }

  byte[] bytes(String name, int length) {
    return track(name, new byte[length], HEADER + align(length));
  }

  /** A bit set of {@code bits} bits: its words plus the set's own object. */
  BitSet bits(String name, int bits) {
    return track(name, new BitSet(bits), 24 + HEADER + 8L * ((bits + 63L) >>> 6));
  }

  /** {@code Arrays.copyOf} for a growing array: the copy replaces the original in the books. */
  int[] grow(String name, int[] array, int length) {
    int[] copy = ints(name, length);
    System.arraycopy(array, 0, copy, 0, Math.min(array.length, length));
    release(array);
    return copy;
  }

  /** Takes an array made elsewhere (e.g. from chunks) into the books. */
  <T> T adopt(String name, T array, long bytes) {
    return track(name, array, bytes);
  }

  /** Bytes an {@code int[]} of {@code length} elements takes, for {@link #adopt}. */
  static long intArrayBytes(long length) {
    return HEADER + align(4L * length);
  }

  /** Out of the books: the analysis no longer refers to {@code array}. Ignores null. */
  void release(Object array) {
    if (array == null) {
      return;
    }
    Entry e = live.remove(array);
    if (e != null) {
      liveBytes -= e.bytes;
    }
  }

  long liveBytes() {
    return liveBytes;
  }

  /** The most bytes live at once so far. */
  long peakBytes() {
    return peakBytes;
  }

  /** What was live at the peak: bytes by array name, e.g. {@code {best=40016, preOf=...}}. */
  String peakArrays() {
    return peakArrays;
  }

  private <T> T track(String name, T array, long bytes) {
    live.put(array, new Entry(name, bytes));
    liveBytes += bytes;
    if (liveBytes > peakBytes) {
      peakBytes = liveBytes;
      Map<String, Long> byName = new TreeMap<>();
      for (Entry e : live.values()) {
        byName.merge(e.name, e.bytes, Long::sum);
      }
      peakArrays = byName.toString();
    }
    return array;
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
