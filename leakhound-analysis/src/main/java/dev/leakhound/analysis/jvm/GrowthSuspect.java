package dev.leakhound.analysis.jvm;

import dev.leakhound.analysis.pattern.LeakPattern;
import java.util.List;
import java.util.Objects;

/**
 * A class whose instances and bytes grow steadily across the histograms, with what grows along with
 * it and the leak pattern that explains it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param className the class
 * @param module its module, or null
 * @param origin {@code application}, or {@code jdk} when no application class grows
 * @param instancesDelta its own instance growth, first to last histogram
 * @param bytesDelta its own (shallow) byte growth
 * @param attributedBytesDelta its growth plus that of the classes tied to it: what the heap pays
 * @param score the growth score (see {@link HistogramGrowthDetector})
 * @param growingIntervals intervals in which both its instances and bytes grew
 * @param intervals intervals in the series
 * @param pattern the leak pattern
 * @param patternReason why this pattern: what grows with it, or what its name says
 * @param description what the pattern is
 * @param remedy what to change in the code
 * @param growsWith for a class with no clue of its own, the suspect it grows in step with (its
 *     owner, likely), else null
 * @param coGrowing the classes tied to it, largest growth first
 */
public record GrowthSuspect(
    String className,
    String module,
    String origin,
    long instancesDelta,
    long bytesDelta,
    long attributedBytesDelta,
    double score,
    int growingIntervals,
    int intervals,
    LeakPattern pattern,
    String patternReason,
    String description,
    String remedy,
    String growsWith,
    List<CoGrowth> coGrowing) {
  public GrowthSuspect {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(pattern, "pattern");
    coGrowing = List.copyOf(coGrowing);
  }
}
