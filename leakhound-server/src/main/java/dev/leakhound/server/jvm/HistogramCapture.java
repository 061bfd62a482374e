package dev.leakhound.server.jvm;

import dev.leakhound.formats.jvm.ClassHistogram;
import java.util.Objects;

/**
 * A class histogram taken through the DiagnosticCommand MBean: the text as the JVM wrote it (what
 * {@code jcmd PID GC.class_histogram} prints, to store and download) and its rows.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeMillis when it was taken (epoch milliseconds)
 * @param lifetime the JVM lifetime it belongs to (see {@link JvmSample#lifetime()})
 * @param text the histogram as text
 * @param histogram the histogram read
 */
public record HistogramCapture(
    long timeMillis, String lifetime, String text, ClassHistogram histogram) {
  public HistogramCapture {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(histogram, "histogram");
  }
}
