package dev.leakhound.formats.pprof;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A pprof profile: the content of profile.proto (google/pprof {@code proto/profile.proto}), every
 * field, with string-table indexes resolved to strings. Built by {@link ProfileBuilder} or read by
 * {@link PprofReader}; written by {@link ProfileProtoWriter}.
 *
 * <p>Samples are stored column-wise on primitive arrays (values, and stacks as indexes into {@link
 * #locations()}), so a profile of hundreds of thousands of samples costs a few arrays rather than
 * millions of objects; read them with {@link #value}, {@link #stackDepth} and {@link
 * #stackLocation}. {@link #sample(int)} materializes one sample for convenience.
 *
 * <p>Every instance is valid ({@link #checkValid()} runs on construction): ids are nonzero and
 * unique, references resolve, every sample has one value per sample type. Immutable and
 * thread-safe. Memory: about 8 bytes per sample value plus 4 bytes per stack frame.
 */
public final class Profile {
  private final List<ValueType> sampleTypes;
  private final String defaultSampleType;
  private final int sampleCount;
  private final long[] values;
  private final int[] stackStart;
  private final int[] stackLocations;
  private final int[] labelStart;
  private final Label[] labels;
  private final List<Mapping> mappings;
  private final List<Location> locations;
  private final List<Function> functions;
  private final List<String> comments;
  private final String dropFrames;
  private final String keepFrames;
  private final long timeNanos;
  private final long durationNanos;
  private final ValueType periodType;
  private final long period;
  private final String docUrl;
  private final IdIndex mappingIndex;
  private final IdIndex locationIndex;
  private final IdIndex functionIndex;

  Profile(ProfileBuilder b) {
    sampleTypes = List.copyOf(b.sampleTypes);
    defaultSampleType = b.defaultSampleType;
    sampleCount = b.sampleCount;
    // The builder hands its arrays over (it is spent after build()); copy only to trim.
    values = exact(b.values, b.sampleCount * sampleTypes.size());
    stackStart = exact(b.stackStart, b.sampleCount + 1);
    stackLocations = exact(b.stackLocations, stackStart[sampleCount]);
    labelStart = exact(b.labelStart, b.sampleCount + 1);
    labels =
        b.labels.length == labelStart[sampleCount]
            ? b.labels
            : Arrays.copyOf(b.labels, labelStart[sampleCount]);
    mappings = List.copyOf(b.mappings);
    locations = List.copyOf(b.locations);
    functions = List.copyOf(b.functions);
    comments = List.copyOf(b.comments);
    dropFrames = b.dropFrames;
    keepFrames = b.keepFrames;
    timeNanos = b.timeNanos;
    durationNanos = b.durationNanos;
    periodType = b.periodType;
    period = b.period;
    docUrl = b.docUrl;
    int[] problem = new int[1];
    mappingIndex = IdIndex.of(mappings.stream().mapToLong(Mapping::id).toArray(), problem);
    requireUnique("mapping", problem[0], problem[0] < 0 ? 0 : mappings.get(problem[0]).id());
    functionIndex = IdIndex.of(functions.stream().mapToLong(Function::id).toArray(), problem);
    requireUnique("function", problem[0], problem[0] < 0 ? 0 : functions.get(problem[0]).id());
    locationIndex = IdIndex.of(locations.stream().mapToLong(Location::id).toArray(), problem);
    requireUnique("location", problem[0], problem[0] < 0 ? 0 : locations.get(problem[0]).id());
    checkValid();
  }

  private static long[] exact(long[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static int[] exact(int[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static void requireUnique(String what, int position, long id) {
    if (position >= 0) {
      throw new IllegalStateException(
          id == 0
              ? "found " + what + " with reserved id 0"
              : "multiple " + what + "s with the same id: " + Long.toUnsignedString(id));
    }
  }

  /** A builder for a new profile. */
  public static ProfileBuilder builder() {
    return new ProfileBuilder();
  }

  /**
   * Checks the structural invariants pprof's {@code Profile.CheckValid} checks: samples have one
   * value per sample type, ids are nonzero and unique, locations refer to existing mappings and
   * their lines to existing functions, stacks to existing locations. Throws {@link
   * IllegalStateException} naming the first violation. Always passes on a constructed profile.
   */
  public void checkValid() {
    if (sampleTypes.isEmpty() && sampleCount != 0) {
      throw new IllegalStateException("missing sample type information");
    }
    for (Location l : locations) {
      if (l.mappingId() != 0 && mappingIndex.indexOf(l.mappingId()) < 0) {
        throw new IllegalStateException(
            "location " + l.id() + " refers to missing mapping " + l.mappingId());
      }
      for (Line line : l.lines()) {
        if (functionIndex.indexOf(line.functionId()) < 0) {
          throw new IllegalStateException(
              "location " + l.id() + " has a line with missing function " + line.functionId());
        }
      }
    }
    for (int k = 0; k < stackLocations.length; k++) {
      if (stackLocations[k] < 0 || stackLocations[k] >= locations.size()) {
        throw new IllegalStateException(
            "a sample refers to missing location index " + stackLocations[k]);
      }
    }
  }

  public List<ValueType> sampleTypes() {
    return sampleTypes;
  }

  /** The sample type shown by default, or {@code ""} (then pprof shows the last type). */
  public String defaultSampleType() {
    return defaultSampleType;
  }

  public int sampleCount() {
    return sampleCount;
  }

  /** The value of sample {@code sample} for the sample type at {@code typeIndex}. */
  public long value(int sample, int typeIndex) {
    return values[sample * sampleTypes.size() + typeIndex];
  }

  /** The number of frames (locations) on the stack of {@code sample}. */
  public int stackDepth(int sample) {
    return stackStart[sample + 1] - stackStart[sample];
  }

  /**
   * The index in {@link #locations()} of frame {@code depth} of {@code sample}'s stack; depth 0 is
   * the leaf (the innermost frame, where the sample was taken).
   */
  public int stackLocation(int sample, int depth) {
    return stackLocations[stackStart[sample] + depth];
  }

  public int labelCount(int sample) {
    return labelStart[sample + 1] - labelStart[sample];
  }

  public Label label(int sample, int k) {
    return labels[labelStart[sample] + k];
  }

  /** The labels of {@code sample}, as an unmodifiable view. */
  public List<Label> labels(int sample) {
    int from = labelStart[sample];
    int to = labelStart[sample + 1];
    if (from == to) {
      return List.of();
    }
    return new AbstractList<>() {
      @Override
      public Label get(int index) {
        Objects.checkIndex(index, to - from);
        return labels[from + index];
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }

  /** Sample {@code i} as an object (allocates; see the class comment). */
  public Sample sample(int i) {
    Location[] stack = new Location[stackDepth(i)];
    for (int d = 0; d < stack.length; d++) {
      stack[d] = locations.get(stackLocation(i, d));
    }
    Long[] vs = new Long[sampleTypes.size()];
    for (int t = 0; t < vs.length; t++) {
      vs[t] = value(i, t);
    }
    return new Sample(List.of(stack), List.of(vs), labels(i));
  }

  /** All samples as objects, materialized on access (allocates; see the class comment). */
  public List<Sample> samples() {
    return new AbstractList<>() {
      @Override
      public Sample get(int index) {
        Objects.checkIndex(index, sampleCount);
        return sample(index);
      }

      @Override
      public int size() {
        return sampleCount;
      }
    };
  }

  public List<Mapping> mappings() {
    return mappings;
  }

  public List<Location> locations() {
    return locations;
  }

  public List<Function> functions() {
    return functions;
  }

  /** The position of the mapping with {@code id} in {@link #mappings()}, or -1. */
  public int mappingIndex(long id) {
    return mappingIndex.indexOf(id);
  }

  /** The position of the location with {@code id} in {@link #locations()}, or -1. */
  public int locationIndex(long id) {
    return locationIndex.indexOf(id);
  }

  /** The position of the function with {@code id} in {@link #functions()}, or -1. */
  public int functionIndex(long id) {
    return functionIndex.indexOf(id);
  }

  /** The mapping of {@code location}, or null when it has none. */
  public Mapping mappingOf(Location location) {
    int i = mappingIndex.indexOf(location.mappingId());
    return i < 0 ? null : mappings.get(i);
  }

  /** The function of {@code line} (always present in a valid profile). */
  public Function functionOf(Line line) {
    return functions.get(functionIndex.indexOf(line.functionId()));
  }

  public List<String> comments() {
    return comments;
  }

  /** A regular expression of frames to drop from the leaf side of stacks, or {@code ""}. */
  public String dropFrames() {
    return dropFrames;
  }

  /** A regular expression of frames {@link #dropFrames()} must keep, or {@code ""}. */
  public String keepFrames() {
    return keepFrames;
  }

  /** When the profile was collected, in nanoseconds since the epoch, or 0. */
  public long timeNanos() {
    return timeNanos;
  }

  public long durationNanos() {
    return durationNanos;
  }

  /** What {@link #period()} measures; {@link ValueType#EMPTY} when absent. */
  public ValueType periodType() {
    return periodType;
  }

  public long period() {
    return period;
  }

  /** A documentation link for the profile type, or {@code ""}. */
  public String docUrl() {
    return docUrl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Profile p
        && sampleCount == p.sampleCount
        && timeNanos == p.timeNanos
        && durationNanos == p.durationNanos
        && period == p.period
        && sampleTypes.equals(p.sampleTypes)
        && defaultSampleType.equals(p.defaultSampleType)
        && Arrays.equals(values, p.values)
        && Arrays.equals(stackStart, p.stackStart)
        && Arrays.equals(stackLocations, p.stackLocations)
        && Arrays.equals(labelStart, p.labelStart)
        && Arrays.equals(labels, p.labels)
        && mappings.equals(p.mappings)
        && locations.equals(p.locations)
        && functions.equals(p.functions)
        && comments.equals(p.comments)
        && dropFrames.equals(p.dropFrames)
        && keepFrames.equals(p.keepFrames)
        && periodType.equals(p.periodType)
        && docUrl.equals(p.docUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sampleTypes, sampleCount, Arrays.hashCode(values), Arrays.hashCode(stackLocations));
  }

  @Override
  public String toString() {
    return "Profile[" + sampleTypes + ", " + sampleCount + " samples]";
  }
}
