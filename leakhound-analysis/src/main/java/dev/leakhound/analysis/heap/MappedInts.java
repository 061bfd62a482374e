package dev.leakhound.analysis.heap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A list of {@code int}s indexed by {@code long}, held off the Java heap in a temporary file: the
 * heap analyser keeps here every per-object or per-reference array that a phase reads but does not
 * need in the heap, so the heap holds only the few arrays the current phase updates at random.
 * Appends go through a small buffer with plain writes until the list is first read or updated; the
 * file is then memory-mapped in chunks of {@code 2^shift} ints (each mapping below 2 GB, so lists
 * of any length work).
 *
 * <p>The file is unlinked as soon as it is open ({@link ScratchSpace}), so nothing is left behind
 * even if the process dies. Mapped pages count in the process's RSS once touched (as file-backed,
 * reclaimable memory), never in the Java heap; {@link #scan()} reads without mapping. {@link
 * #close()} truncates the file before closing it: the kernel then drops its pages from the page
 * cache and from the process's mappings at once, so RSS and disk fall when a phase is done with a
 * list, without waiting for a collection to unmap it.
 *
 * <p>Not thread-safe. Random access costs one mapped read (an array access plus a bounds check);
 * the disk and page cache hold 4 bytes per element, rounded up to a chunk.
 */
final class MappedInts {
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20);

  private static final int BUFFER_BYTES = 1 << 18;

  private final FileChannel channel;
  private final int shift;
  private final int mask;
  private boolean appending = true;
  private ByteBuffer pending;
  private long fileBytes;
  private IntBuffer[] chunks = new IntBuffer[8];
  private int mapped;
  private long size;

  MappedInts(FileChannel channel, int shift) {
    this.channel = channel;
    this.shift = shift;
    this.mask = (1 << shift) - 1;
  }

  void add(int value) {
    long i = size;
    if (appending) {
      if (pending == null) {
        pending = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
      }
      pending.putInt(value);
      if (!pending.hasRemaining()) {
        flush();
      }
    } else {
      int c = (int) (i >>> shift);
      if (c == mapped) {
        map();
      }
      chunks[c].put((int) i & mask, value);
    }
    size = i + 1;
  }

  int get(long index) {
    if (appending) {
      mapAll();
    }
    return chunks[(int) (index >>> shift)].get((int) index & mask);
  }

  /** Sets an element below {@link #size()}. */
  void set(long index, int value) {
    if (appending) {
      mapAll();
    }
    chunks[(int) (index >>> shift)].put((int) index & mask, value);
  }

  /** The {@code long} stored by {@link #setLong} at {@code index} and {@code index + 1}. */
  long getLong(long index) {
    return ((long) get(index) << 32) | (get(index + 1) & 0xffffffffL);
  }

  void setLong(long index, long value) {
    set(index, (int) (value >>> 32));
    set(index + 1, (int) value);
  }

  long size() {
    return size;
  }

  /** Grows the list to {@code newSize} elements; the new ones read 0. */
  void grow(long newSize) {
    if (appending) {
      mapAll();
    }
    while (((long) mapped << shift) < newSize) {
      map();
    }
    size = Math.max(size, newSize);
  }

  /**
   * A read-only view for scans, forwards or backwards, that reads through a small buffer with
   * positional reads instead of a mapping, so what it reads never counts in the process's RSS (the
   * pages stay in the page cache, reclaimable). For lists that are only ever scanned. The list may
   * still be appended to afterwards, but the view does not see later changes.
   */
  Scan scan() {
    if (pending != null && pending.position() > 0) {
      flush();
    }
    return new Scan();
  }

  /** See {@link #scan()}. Not thread-safe. */
  final class Scan {
    private final ByteBuffer window =
        ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private long start;
    private long end;

    int get(long index) {
      if (index < start || index >= end) {
        fill(index);
      }
      return window.getInt((int) (index - start) << 2);
    }

    long getLong(long index) {
      return ((long) get(index) << 32) | (get(index + 1) & 0xffffffffL);
    }

    /** Reads the window that holds {@code index}: ending there when scanning backwards. */
    private void fill(long index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      long capacity = BUFFER_BYTES / 4;
      start = index < start ? Math.max(0, index - capacity + 1) : index;
      end = Math.min(size, start + capacity);
      window.clear().limit((int) (end - start) << 2);
      try {
        while (window.hasRemaining()) {
          if (channel.read(window, (start << 2) + window.position()) < 0) {
            throw new IOException("a temporary file is shorter than what was written to it");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a temporary file of the heap analysis", e);
      }
    }
  }

  private void flush() {
    try {
      pending.flip();
      while (pending.hasRemaining()) {
        fileBytes += channel.write(pending, fileBytes);
      }
      pending.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary file for the heap analysis", e);
    }
  }

  /** Ends the appending: writes what is buffered and maps the file. */
  private void mapAll() {
    if (pending != null) {
      flush();
      pending = null;
    }
    appending = false;
    while (((long) mapped << shift) < size) {
      map();
    }
  }

  /**
   * Maps the next chunk. The part of it past the end of the file is written as zeros through the
   * channel first, so the file system reserves the blocks now: a full disk is an {@link
   * IOException} here rather than a fault (SIGBUS) on some later write through the mapping.
   */
  private void map() {
    try {
      long bytes = 4L << shift;
      long at = (long) mapped << (shift + 2);
      while (fileBytes < at + bytes) {
        ByteBuffer zeros = ZEROS.duplicate();
        zeros.limit((int) Math.min(zeros.capacity(), at + bytes - fileBytes));
        fileBytes += channel.write(zeros, fileBytes);
      }
      IntBuffer chunk =
          channel
              .map(FileChannel.MapMode.READ_WRITE, at, bytes)
              .order(ByteOrder.nativeOrder())
              .asIntBuffer();
      if (mapped == chunks.length) {
        chunks = Arrays.copyOf(chunks, mapped * 2);
      }
      chunks[mapped++] = chunk;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extend a temporary file for the heap analysis", e);
    }
  }

  /**
   * Frees the list: truncates the file (its pages leave the RSS and the page cache now; the
   * mappings, unreachable from here on, are unmapped once collected) and closes it. Idempotent.
   */
  void close() {
    chunks = new IntBuffer[0];
    pending = null;
    appending = false;
    mapped = 0;
    size = 0;
    try (FileChannel closing = channel) {
      if (closing.isOpen()) {
        closing.truncate(0);
      }
    } catch (IOException e) {
      // The file is already unlinked: failing to truncate or close it leaves its space allocated
      // until the process ends, nothing more.
    }
  }
}
