package dev.leakhound.formats.jvm;

import java.util.List;
import java.util.Objects;

/**
 * A class histogram as {@code jmap -histo}, {@code jcmd PID GC.class_histogram} or the
 * DiagnosticCommand MBean's {@code gcClassHistogram} print it: the live classes, largest first.
 *
 * <p>Rows keep the JVM's order; a class name may occur twice when two class loaders loaded it.
 * {@link #totalInstances()} and {@link #totalBytes()} are the {@code Total} line's figures, or the
 * sums of the rows when the text was cut before that line ({@link #complete()} is then false).
 *
 * <p>Immutable and thread-safe.
 *
 * @param entries the rows, in the order printed
 * @param totalInstances the instances of all classes
 * @param totalBytes the bytes of all classes
 * @param complete true when the text ended with its {@code Total} line
 * @param hasModuleColumn true when the header names a {@code (module)} column (JDK 9 and later)
 * @param firstLine the 1-based line of the input where this histogram starts, for messages
 */
public record ClassHistogram(
    List<ClassHistogramEntry> entries,
    long totalInstances,
    long totalBytes,
    boolean complete,
    boolean hasModuleColumn,
    long firstLine) {
  public ClassHistogram {
    entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    if (totalInstances < 0 || totalBytes < 0) {
      throw new IllegalArgumentException("negative totals");
    }
  }
}
