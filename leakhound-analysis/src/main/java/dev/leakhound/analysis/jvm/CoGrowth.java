package dev.leakhound.analysis.jvm;

import java.util.Objects;

/**
 * A class that grows in step with a suspect: {@code ratio} of its instances appeared for each new
 * instance of the suspect, in every interval between histograms. The JDK classes a leak drags along
 * ({@code byte[]}, {@code String}, {@code HashMap$Node}) are tied back to their owner this way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param className the class that grows along
 * @param ratio its new instances per new instance of the suspect (near a whole number)
 * @param instancesDelta its instance growth from the first to the last histogram
 * @param bytesDelta its byte growth over the same span
 */
public record CoGrowth(String className, double ratio, long instancesDelta, long bytesDelta) {
  public CoGrowth {
    Objects.requireNonNull(className, "className");
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("a co-growth ratio must be positive: " + ratio);
    }
  }
}
