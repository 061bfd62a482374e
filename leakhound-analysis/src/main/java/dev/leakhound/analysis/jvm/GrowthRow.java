package dev.leakhound.analysis.jvm;

import java.util.Objects;

/**
 * One class's change between the first and the last of a series of histograms: the rows of {@code
 * leakhound histo diff}, in the JSON shape README documents (component order is key order).
 *
 * <p>Immutable and thread-safe.
 *
 * @param className the class as the JVM names it
 * @param instancesDelta instances in the last histogram minus the first
 * @param bytesDelta bytes in the last histogram minus the first
 * @param module the module column, or null
 * @param instances instances in the last histogram
 * @param bytes bytes in the last histogram
 * @param origin {@code application} or {@code jdk} (JDK classes and arrays of primitives)
 * @param score the growth score (see {@link HistogramGrowthDetector}): accumulated relative growth,
 *     halved after each interval that shrank; 0 for classes that did not grow
 * @param growingIntervals intervals between consecutive histograms in which both instances and
 *     bytes grew
 * @param intervals intervals in the series (histograms minus one)
 * @param pattern the leak pattern's id when the class is a suspect, else null
 * @param remedy the pattern's remedy when the class is a suspect, else null
 * @param growsWith the suspect this JDK class is tied to, else null
 * @param growsWithRatio new instances of this class per new instance of {@code growsWith}, else
 *     null
 */
public record GrowthRow(
    String className,
    long instancesDelta,
    long bytesDelta,
    String module,
    long instances,
    long bytes,
    String origin,
    double score,
    int growingIntervals,
    int intervals,
    String pattern,
    String remedy,
    String growsWith,
    Double growsWithRatio) {
  public GrowthRow {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(origin, "origin");
  }
}
