package dev.leakhound.formats.hprof;

/**
 * How a pass over a dump ended: the bytes read and, when the file ended in the middle of a record
 * (an interrupted dump), where. A truncated dump is not an error: everything before {@link
 * #truncatedAt()} was delivered, and callers mark their results partial.
 *
 * @param bytesRead bytes of (decompressed) dump consumed
 * @param truncatedAt the offset of the incomplete record, or -1 when the dump is complete
 * @param truncation what was being read when the input ended, or an empty string
 */
public record HprofReadResult(long bytesRead, long truncatedAt, String truncation) {
  public HprofReadResult {
    if (truncation == null) {
      throw new IllegalArgumentException("truncation must not be null");
    }
  }

  /** True when the input ended inside a record or before the heap dump ended. */
  public boolean truncated() {
    return truncatedAt >= 0;
  }
}
