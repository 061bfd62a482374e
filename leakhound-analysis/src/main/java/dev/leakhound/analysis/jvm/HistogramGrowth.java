package dev.leakhound.analysis.jvm;

import java.util.List;

/**
 * What grew across a series of class histograms: the result of {@code leakhound histo diff} and the
 * class part of the JVM leak report. Component order is the JSON shape README documents.
 *
 * <p>Immutable and thread-safe.
 *
 * @param histograms how many histograms were compared (at least two)
 * @param sources where each came from (file names), in order
 * @param totalInstancesDelta instances in the last histogram minus the first
 * @param totalBytesDelta bytes in the last histogram minus the first
 * @param leakFound true when at least one class grows steadily enough to be a suspect
 * @param note what the series can and cannot show (e.g. two histograms show growth, not yet
 *     steadiness)
 * @param suspects the steadily growing classes, the largest attributed growth first
 * @param rows every class whose instances or bytes changed, by bytes growth, largest first
 */
public record HistogramGrowth(
    int histograms,
    List<String> sources,
    long totalInstancesDelta,
    long totalBytesDelta,
    boolean leakFound,
    String note,
    List<GrowthSuspect> suspects,
    List<GrowthRow> rows) {
  public HistogramGrowth {
    if (histograms < 2) {
      throw new IllegalArgumentException("growth needs at least two histograms: " + histograms);
    }
    sources = List.copyOf(sources);
    suspects = List.copyOf(suspects);
    rows = List.copyOf(rows);
  }
}
