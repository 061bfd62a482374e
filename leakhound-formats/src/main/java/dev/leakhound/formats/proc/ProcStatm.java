package dev.leakhound.formats.proc;

/**
 * {@code /proc/PID/statm}: memory sizes in pages (proc(5)).
 *
 * <p>Immutable.
 *
 * @param sizePages total program size
 * @param residentPages resident set size
 * @param sharedPages resident shared pages (file-backed)
 * @param textPages text (code)
 * @param dataPages data + stack
 */
public record ProcStatm(
    long sizePages, long residentPages, long sharedPages, long textPages, long dataPages) {
  public ProcStatm {
    if (sizePages < 0 || residentPages < 0 || sharedPages < 0 || textPages < 0 || dataPages < 0) {
      throw new IllegalArgumentException("page counts are never negative");
    }
  }

  /** Resident set size in bytes for a page size of {@code pageSize} bytes. */
  public long residentBytes(long pageSize) {
    return residentPages * pageSize;
  }
}
