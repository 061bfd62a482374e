package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;
import java.util.List;

/**
 * Copies samples of one profile into a builder for the operations that rewrite a profile (scale,
 * label, filter, prune, rename), with new values, labels or a shorter stack when asked. Reuses its
 * scratch arrays, so copying allocates nothing per sample.
 *
 * <p>Not thread-safe; one per rewrite.
 */
final class SampleCopier {
  private final Profile from;
  private final ProfileBuilder to;
  private final long[] values;
  private int[] stack = new int[64];

  SampleCopier(Profile from, ProfileBuilder to) {
    this.from = from;
    this.to = to;
    this.values = new long[from.sampleTypes().size()];
  }

  /** The values of sample {@code s}, in a scratch array the next call overwrites. */
  long[] valuesOf(int s) {
    for (int t = 0; t < values.length; t++) {
      values[t] = from.value(s, t);
    }
    return values;
  }

  /** Copies sample {@code s} as it is. */
  void copy(int s) {
    copy(s, valuesOf(s), from.labels(s));
  }

  /** Copies sample {@code s} with other values and labels. */
  void copy(int s, long[] newValues, List<Label> labels) {
    copyFrames(s, 0, newValues, labels);
  }

  /** Copies sample {@code s} without its first {@code skip} (leaf-side) frames. */
  void copyFrames(int s, int skip, long[] newValues, List<Label> labels) {
    int depth = from.stackDepth(s) - skip;
    if (stack.length < depth) {
      stack = new int[depth * 2];
    }
    for (int d = 0; d < depth; d++) {
      stack[d] = from.stackLocation(s, d + skip);
    }
    to.addSampleByIndex(stack, depth, newValues, labels);
  }
}
