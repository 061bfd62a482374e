package dev.leakhound.analysis.heap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The memory of one heap analysis: makes its off-heap arrays ({@link MappedInts}, {@link
 * EdgeOffsets}) in temporary files, by default in {@code java.io.tmpdir}, and keeps the books on
 * its Java-heap arrays ({@link #ledger()}). Each file is unlinked as soon as it is open ({@code
 * DELETE_ON_CLOSE} does that on POSIX systems), so a killed analysis leaves nothing behind.
 *
 * <p>The geometry is a parameter so that tests can make chunks of a few elements and offsets that
 * step past their low bits every few edges, exercising on tiny graphs the code paths a dump of more
 * than 2^31 references takes.
 *
 * <p>One per analysis: the ledger is not thread-safe, nor are the arrays it makes; the rest is
 * immutable.
 */
final class ScratchSpace {
  private final Path dir;
  private final int minShift;
  private final int maxShift;
  private final int offsetBits;
  private final ArrayLedger ledger = new ArrayLedger();

  ScratchSpace(Path dir, int minShift, int maxShift, int offsetBits) {
    if (minShift < 1 || maxShift < minShift || maxShift > 28 || offsetBits < 2 || offsetBits > 32) {
      throw new IllegalArgumentException("1 <= minShift <= maxShift <= 28, 2 <= offsetBits <= 32");
    }
    this.dir = dir;
    this.minShift = minShift;
    this.maxShift = maxShift;
    this.offsetBits = offsetBits;
  }

  /** Chunks of 1 K to 4 M ints (16 MB: few mappings, little waste), offsets of 32 low bits. */
  static ScratchSpace inTempDir() {
    return new ScratchSpace(null, 10, 22, 32);
  }

  /** The books on this analysis's Java-heap arrays. */
  ArrayLedger ledger() {
    return ledger;
  }

  /** An empty list that grows by appending; {@code expected} picks its chunk size. */
  MappedInts ints(long expected) {
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, expected));
    int shift = Math.max(minShift, Math.min(maxShift, bits - 2));
    try {
      Path file =
          dir == null
              ? Files.createTempFile("leakhound-heap-", ".ints")
              : Files.createTempFile(dir, "leakhound-heap-", ".ints");
      FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
      return new MappedInts(channel, shift);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for the heap analysis", e);
    }
  }

  /** A list of {@code length} zeros. */
  MappedInts zeros(long length) {
    MappedInts ints = ints(length);
    ints.grow(length);
    return ints;
  }

  /** Empty CSR offsets, appended in node order. */
  EdgeOffsets offsets(long expected) {
    return new EdgeOffsets(ints(expected), offsetBits);
  }
}
