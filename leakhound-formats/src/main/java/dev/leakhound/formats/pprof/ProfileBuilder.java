package dev.leakhound.formats.pprof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Profile}. Set the sample types before adding samples; add locations before the
 * samples that refer to them by id ({@link #addSample(long[], long[], List)}), or refer to them by
 * position ({@link #addSampleByIndex}), the allocation-free path the readers and the profile
 * algebra use. {@link #build()} validates (see {@link Profile#checkValid()}).
 *
 * <p>A builder builds one profile: {@link #build()} hands its arrays to the profile without copying
 * them, and the builder cannot be used afterwards.
 *
 * <p>Not thread-safe. Memory grows by doubling primitive arrays, as an {@code ArrayList} would;
 * {@link #ensureSampleCapacity} sizes them up front when the counts are known.
 */
public final class ProfileBuilder {
  final List<ValueType> sampleTypes = new ArrayList<>();
  String defaultSampleType = "";
  int sampleCount;
  long[] values = new long[64];
  int[] stackStart = new int[65];
  int[] stackLocations = new int[256];
  int[] labelStart = new int[65];
  Label[] labels = new Label[16];
  final List<Mapping> mappings = new ArrayList<>();
  final List<Location> locations = new ArrayList<>();
  final List<Function> functions = new ArrayList<>();
  final List<String> comments = new ArrayList<>();
  String dropFrames = "";
  String keepFrames = "";
  long timeNanos;
  long durationNanos;
  ValueType periodType = ValueType.EMPTY;
  long period;
  String docUrl = "";
  private Map<Long, Integer> locationIndexById;
  private boolean built;

  ProfileBuilder() {}

  /** Copies every header field of {@code p} (all but samples, mappings, locations, functions). */
  public ProfileBuilder copyHeaders(Profile p) {
    sampleTypes(p.sampleTypes());
    defaultSampleType = p.defaultSampleType();
    comments.clear();
    comments.addAll(p.comments());
    dropFrames = p.dropFrames();
    keepFrames = p.keepFrames();
    timeNanos = p.timeNanos();
    durationNanos = p.durationNanos();
    periodType = p.periodType();
    period = p.period();
    docUrl = p.docUrl();
    return this;
  }

  public ProfileBuilder addSampleType(ValueType type) {
    requireNoSamples();
    sampleTypes.add(Objects.requireNonNull(type));
    return this;
  }

  public ProfileBuilder sampleTypes(List<ValueType> types) {
    requireNoSamples();
    sampleTypes.clear();
    sampleTypes.addAll(types);
    return this;
  }

  public ProfileBuilder defaultSampleType(String type) {
    defaultSampleType = Objects.requireNonNull(type);
    return this;
  }

  public ProfileBuilder addMapping(Mapping mapping) {
    mappings.add(Objects.requireNonNull(mapping));
    return this;
  }

  /** Adds a location; its position in {@link Profile#locations()} is the number added before. */
  public ProfileBuilder addLocation(Location location) {
    locations.add(Objects.requireNonNull(location));
    if (locationIndexById != null) {
      locationIndexById.put(location.id(), locations.size() - 1);
    }
    return this;
  }

  public ProfileBuilder addFunction(Function function) {
    functions.add(Objects.requireNonNull(function));
    return this;
  }

  /**
   * Makes room for {@code samples} more samples with {@code frames} stack frames in all, so that
   * adding them allocates nothing and the profile gets the arrays without a trimming copy.
   */
  public ProfileBuilder ensureSampleCapacity(int samples, long frames) {
    requireNotBuilt();
    int types = sampleTypes.size();
    int n = sampleCount + samples;
    if (n + 1 > stackStart.length) {
      stackStart = Arrays.copyOf(stackStart, n + 1);
      labelStart = Arrays.copyOf(labelStart, n + 1);
    }
    if ((long) n * types > values.length) {
      values = Arrays.copyOf(values, Math.toIntExact((long) n * types));
    }
    long totalFrames = stackStart[sampleCount] + frames;
    if (totalFrames > stackLocations.length) {
      stackLocations = Arrays.copyOf(stackLocations, Math.toIntExact(totalFrames));
    }
    return this;
  }

  public int locationCount() {
    return locations.size();
  }

  /**
   * Adds a sample whose stack (leaf first) names locations by id; the locations must have been
   * added already.
   */
  public ProfileBuilder addSample(
      long[] locationIds, long[] sampleValues, List<Label> sampleLabels) {
    if (locationIndexById == null) {
      locationIndexById = new HashMap<>();
      for (int i = 0; i < locations.size(); i++) {
        locationIndexById.put(locations.get(i).id(), i);
      }
    }
    int[] stack = new int[locationIds.length];
    for (int d = 0; d < stack.length; d++) {
      Integer index = locationIndexById.get(locationIds[d]);
      if (index == null) {
        throw new IllegalArgumentException("no location with id " + locationIds[d]);
      }
      stack[d] = index;
    }
    return addSampleByIndex(stack, stack.length, sampleValues, sampleLabels);
  }

  /**
   * Adds a sample whose stack is the first {@code depth} entries of {@code locationIndexes}
   * (positions in the location list, leaf first). The arrays are copied, so callers may reuse them.
   */
  public ProfileBuilder addSampleByIndex(
      int[] locationIndexes, int depth, long[] sampleValues, List<Label> sampleLabels) {
    requireNotBuilt();
    int types = sampleTypes.size();
    if (sampleValues.length != types) {
      throw new IllegalArgumentException(
          "a sample has "
              + sampleValues.length
              + " values but the profile has "
              + types
              + " types");
    }
    int n = sampleCount;
    if (n + 2 > stackStart.length) {
      int capacity = stackStart.length * 2;
      stackStart = Arrays.copyOf(stackStart, capacity);
      labelStart = Arrays.copyOf(labelStart, capacity);
    }
    if ((n + 1) * types > values.length) {
      values = Arrays.copyOf(values, Math.max((n + 1) * types, values.length * 2));
    }
    System.arraycopy(sampleValues, 0, values, n * types, types);
    int at = stackStart[n];
    if (at + depth > stackLocations.length) {
      stackLocations =
          Arrays.copyOf(stackLocations, Math.max(at + depth, stackLocations.length * 2));
    }
    System.arraycopy(locationIndexes, 0, stackLocations, at, depth);
    stackStart[n + 1] = at + depth;
    int labelAt = labelStart[n];
    int labelCount = sampleLabels.size();
    if (labelAt + labelCount > labels.length) {
      labels = Arrays.copyOf(labels, Math.max(labelAt + labelCount, labels.length * 2));
    }
    for (int k = 0; k < labelCount; k++) {
      labels[labelAt + k] = Objects.requireNonNull(sampleLabels.get(k));
    }
    labelStart[n + 1] = labelAt + labelCount;
    sampleCount = n + 1;
    return this;
  }

  public ProfileBuilder addComment(String comment) {
    comments.add(Objects.requireNonNull(comment));
    return this;
  }

  public ProfileBuilder comments(List<String> all) {
    comments.clear();
    comments.addAll(all);
    return this;
  }

  public ProfileBuilder dropFrames(String regex) {
    dropFrames = Objects.requireNonNull(regex);
    return this;
  }

  public ProfileBuilder keepFrames(String regex) {
    keepFrames = Objects.requireNonNull(regex);
    return this;
  }

  public ProfileBuilder timeNanos(long nanos) {
    timeNanos = nanos;
    return this;
  }

  public ProfileBuilder durationNanos(long nanos) {
    durationNanos = nanos;
    return this;
  }

  public ProfileBuilder periodType(ValueType type) {
    periodType = Objects.requireNonNull(type);
    return this;
  }

  public ProfileBuilder period(long value) {
    period = value;
    return this;
  }

  public ProfileBuilder docUrl(String url) {
    docUrl = Objects.requireNonNull(url);
    return this;
  }

  /** The profile; throws {@link IllegalStateException} when it would be invalid. */
  public Profile build() {
    requireNotBuilt();
    built = true;
    return new Profile(this);
  }

  private void requireNotBuilt() {
    if (built) {
      throw new IllegalStateException("this builder has built its profile already");
    }
  }

  private void requireNoSamples() {
    if (sampleCount != 0) {
      throw new IllegalStateException("set the sample types before adding samples");
    }
  }
}
