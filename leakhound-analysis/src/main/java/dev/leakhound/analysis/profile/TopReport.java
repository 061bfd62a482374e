package dev.leakhound.analysis.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The largest functions (or lines) of a profile by flat value, as {@code go tool pprof -top}
 * computes them, ready for the text and JSON renderers. The record components in JSON order are the
 * documented JSON shape; the ignored ones feed pprof's text header.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sampleType the sample type shown, e.g. {@code inuse_space}
 * @param unit its unit, e.g. {@code bytes}
 * @param total the sum of |values| of all samples (for a diff: of the base samples), the 100% of
 *     the percentages
 * @param shown the sum of the flat values of the rows shown
 * @param droppedNodes how many nodes fell under the node-fraction cutoff
 * @param rows the rows, largest |flat| first (for a diff: largest growth first)
 * @param headerLines pprof's profile labels: {@code File:}, {@code Type:}, {@code Time:}...
 * @param activeFilters {@code focus=...} and {@code ignore=...}, as pprof lists them
 * @param diff whether the profile is a diff (base samples present)
 * @param nodeCount the row limit asked for (0: none)
 * @param nodesBeforeLimit the number of nodes above the cutoff, before the row limit
 * @param nodeFraction the cutoff fraction used
 * @param outputUnit the unit pprof would print values in ({@code MB}, {@code ms}, {@code count})
 */
public record TopReport(
    String sampleType,
    String unit,
    long total,
    long shown,
    int droppedNodes,
    List<TopRow> rows,
    @JsonIgnore List<String> headerLines,
    @JsonIgnore List<String> activeFilters,
    @JsonIgnore boolean diff,
    @JsonIgnore int nodeCount,
    @JsonIgnore int nodesBeforeLimit,
    @JsonIgnore double nodeFraction,
    @JsonIgnore String outputUnit) {
  public TopReport {
    rows = List.copyOf(rows);
    headerLines = List.copyOf(headerLines);
    activeFilters = List.copyOf(activeFilters);
  }
}
