package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Mapping;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges compatible profiles with google/pprof's {@code Merge} semantics ({@code
 * profile/merge.go}): mappings, functions and locations are deduplicated by content (addresses
 * relative to their mapping, so randomized load addresses match), samples by their stack of merged
 * locations plus their labels, and values of equal samples are added. Samples whose values are all
 * zero are dropped, and what no sample uses is left out; ids are renumbered 1..n in order of first
 * use.
 *
 * <p>The sample key is a stack id (stacks interned in one {@code int[]}) and a label-set id packed
 * in a {@code long}, looked up in an open-addressing table: no per-sample hashing of boxed lists.
 *
 * <p>Not thread-safe; one instance per merge.
 */
final class ProfileMerger {
  private record MappingKey(long size, long offset, String buildIdOrFile) {}

  private record FunctionKey(long startLine, String name, String systemName, String filename) {}

  private record LocationKey(long address, long mappingId, List<Line> lines, boolean folded) {}

  private final ProfileBuilder out;
  private final int types;
  private final List<Mapping> mappings = new ArrayList<>();
  private final List<Function> functions = new ArrayList<>();
  private final List<Location> locations = new ArrayList<>();
  private final Map<MappingKey, Integer> mappingByKey = new HashMap<>();
  private final Map<FunctionKey, Integer> functionByKey = new HashMap<>();
  private final Map<LocationKey, Integer> locationByKey = new HashMap<>();

  private final IntSequenceInterner stacks = new IntSequenceInterner();
  private final Map<List<Label>, Integer> labelSetIds = new HashMap<>();
  private final Map<Label, Integer> singleLabelIds = new HashMap<>();
  private final List<List<Label>> labelSets = new ArrayList<>();
  private final LongIntMap sampleByKey;
  private long[] values;
  private int[] sampleStack;
  private int[] sampleLabels;
  private int sampleCount;

  // Per source profile: source index -> merged index (-1 when not mapped yet).
  private int[] mappingOf;
  private long[] addressOffsetOf;
  private int[] functionOf;
  private int[] locationOf;

  private ProfileMerger(ProfileBuilder headers, int types, int expectedSamples) {
    this.out = headers;
    this.types = types;
    this.sampleByKey = new LongIntMap(expectedSamples);
    this.values = new long[Math.max(16, expectedSamples * types)];
    this.sampleStack = new int[Math.max(16, expectedSamples)];
    this.sampleLabels = new int[sampleStack.length];
    labelSets.add(List.of());
  }

  /** Merges {@code sources}; throws {@link IllegalArgumentException} when incompatible. */
  static Profile merge(List<Profile> sources) {
    return merge(sources, null);
  }

  /**
   * Merges {@code current} with {@code base} negated and labelled {@code baseLabel} (replacing
   * string labels of that key), in one pass: what pprof's {@code SetLabel}, {@code Scale(-1)} and
   * {@code Merge} compute, without building the two intermediate profiles.
   */
  static Profile diff(Profile current, Profile base, Label baseLabel) {
    return merge(List.of(current, base), baseLabel);
  }

  private static Profile merge(List<Profile> sources, Label baseLabel) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no profiles to merge");
    }
    ProfileBuilder headers = combineHeaders(sources);
    int expected = sources.stream().mapToInt(Profile::sampleCount).sum();
    ProfileMerger m = new ProfileMerger(headers, sources.get(0).sampleTypes().size(), expected);
    for (int i = 0; i < sources.size(); i++) {
      boolean base = baseLabel != null && i == sources.size() - 1;
      m.add(sources.get(i), base ? -1 : 1, base ? baseLabel : null);
    }
    Profile merged = m.build();
    // pprof merges once more when accumulated values cancelled out, to drop those samples.
    return m.hasZeroSample() ? merge(List.of(merged), null) : merged;
  }

  private void add(Profile src, long sign, Label setLabel) {
    mappingOf = filled(src.mappings().size());
    addressOffsetOf = new long[src.mappings().size()];
    functionOf = filled(src.functions().size());
    locationOf = filled(src.locations().size());
    if (mappings.isEmpty() && !src.mappings().isEmpty()) {
      // The first mapping is the main binary: keep it first.
      mapMapping(src, 0);
    }
    int[] stack = new int[64];
    for (int s = 0; s < src.sampleCount(); s++) {
      if (isZero(src, s)) {
        continue;
      }
      int depth = src.stackDepth(s);
      if (stack.length < depth) {
        stack = new int[depth * 2];
      }
      for (int d = 0; d < depth; d++) {
        stack[d] = mapLocation(src, src.stackLocation(s, d));
      }
      int stackId = stacks.intern(stack, depth);
      int labelId =
          setLabel == null
              ? labelSetId(src.labels(s))
              : labelSetId(ProfileAlgebra.withLabel(src.labels(s), setLabel));
      long key = ((long) stackId << 32) | labelId;
      int merged = sampleByKey.get(key);
      if (merged < 0) {
        merged = newSample(stackId, labelId);
        sampleByKey.put(key, merged);
      }
      int at = merged * types;
      for (int t = 0; t < types; t++) {
        values[at + t] += sign * src.value(s, t);
      }
    }
  }

  private int newSample(int stackId, int labelId) {
    int n = sampleCount;
    if (n == sampleStack.length) {
      sampleStack = Arrays.copyOf(sampleStack, n * 2);
      sampleLabels = Arrays.copyOf(sampleLabels, n * 2);
    }
    if ((n + 1) * types > values.length) {
      values = Arrays.copyOf(values, Math.max(values.length * 2, (n + 1) * types));
    }
    sampleStack[n] = stackId;
    sampleLabels[n] = labelId;
    sampleCount = n + 1;
    return n;
  }

  private int labelSetId(List<Label> labels) {
    if (labels.isEmpty()) {
      return 0;
    }
    // pprof keys labels by sorted key, string labels before numeric ones, values in order.
    if (labels.size() == 1) {
      Label only = labels.get(0);
      Integer id = singleLabelIds.get(only);
      if (id == null) {
        id = labelSets.size();
        singleLabelIds.put(only, id);
        labelSets.add(List.of(only));
      }
      return id;
    }
    List<Label> canonical = new ArrayList<>(labels);
    canonical.sort(
        Comparator.comparing((Label l) -> l.isString() ? 0 : 1).thenComparing(Label::key));
    Integer id = labelSetIds.get(canonical);
    if (id == null) {
      id = labelSets.size();
      labelSetIds.put(canonical, id);
      labelSets.add(List.copyOf(labels));
    }
    return id;
  }

  private int mapLocation(Profile src, int index) {
    int done = locationOf[index];
    if (done >= 0) {
      return done;
    }
    Location l = src.locations().get(index);
    int mappingIndex = -1;
    long offset = 0;
    int srcMapping = src.mappingIndex(l.mappingId());
    if (srcMapping >= 0) {
      mappingIndex = mapMapping(src, srcMapping);
      offset = addressOffsetOf[srcMapping];
    }
    List<Line> lines = new ArrayList<>(l.lines().size());
    for (Line line : l.lines()) {
      int f = mapFunction(src, src.functionIndex(line.functionId()));
      lines.add(new Line(f + 1, line.line(), line.column()));
    }
    long address = l.address() + offset;
    Mapping m = mappingIndex >= 0 ? mappings.get(mappingIndex) : null;
    LocationKey key =
        new LocationKey(
            m == null ? address : address - m.memoryStart(),
            m == null ? 0 : m.id(),
            List.copyOf(lines),
            l.isFolded());
    Integer existing = locationByKey.get(key);
    if (existing != null) {
      locationOf[index] = existing;
      return existing;
    }
    int merged = locations.size();
    locations.add(new Location(merged + 1, m == null ? 0 : m.id(), address, lines, l.isFolded()));
    locationByKey.put(key, merged);
    locationOf[index] = merged;
    return merged;
  }

  private int mapMapping(Profile src, int index) {
    int done = mappingOf[index];
    if (done >= 0) {
      return done;
    }
    Mapping m = src.mappings().get(index);
    // Sizes round up to 4 KiB so small differences between runs still match.
    long size = m.memoryLimit() - m.memoryStart() + 0xfff;
    size -= Long.remainderUnsigned(size, 0x1000);
    String identity = !m.buildId().isEmpty() ? m.buildId() : m.filename();
    MappingKey key = new MappingKey(size, m.fileOffset(), identity);
    Integer existing = mappingByKey.get(key);
    if (existing != null) {
      mappingOf[index] = existing;
      addressOffsetOf[index] = mappings.get(existing).memoryStart() - m.memoryStart();
      return existing;
    }
    int merged = mappings.size();
    mappings.add(m.withId(merged + 1));
    mappingByKey.put(key, merged);
    mappingOf[index] = merged;
    return merged;
  }

  private int mapFunction(Profile src, int index) {
    int done = functionOf[index];
    if (done >= 0) {
      return done;
    }
    Function f = src.functions().get(index);
    FunctionKey key = new FunctionKey(f.startLine(), f.name(), f.systemName(), f.filename());
    Integer existing = functionByKey.get(key);
    if (existing != null) {
      functionOf[index] = existing;
      return existing;
    }
    int merged = functions.size();
    functions.add(new Function(merged + 1, f.name(), f.systemName(), f.filename(), f.startLine()));
    functionByKey.put(key, merged);
    functionOf[index] = merged;
    return merged;
  }

  private Profile build() {
    mappings.forEach(out::addMapping);
    locations.forEach(out::addLocation);
    functions.forEach(out::addFunction);
    long frames = 0;
    for (int s = 0; s < sampleCount; s++) {
      frames += stacks.length(sampleStack[s]);
    }
    out.ensureSampleCapacity(sampleCount, frames);
    int[] stack = new int[64];
    long[] v = new long[types];
    for (int s = 0; s < sampleCount; s++) {
      int id = sampleStack[s];
      int depth = stacks.length(id);
      if (stack.length < depth) {
        stack = new int[depth * 2];
      }
      stacks.copy(id, stack);
      System.arraycopy(values, s * types, v, 0, types);
      out.addSampleByIndex(stack, depth, v, labelSets.get(sampleLabels[s]));
    }
    return out.build();
  }

  private boolean hasZeroSample() {
    for (int s = 0; s < sampleCount; s++) {
      boolean zero = true;
      for (int t = 0; t < types && zero; t++) {
        zero = values[s * types + t] == 0;
      }
      if (zero) {
        return true;
      }
    }
    return false;
  }

  private static boolean isZero(Profile p, int s) {
    for (int t = 0, n = p.sampleTypes().size(); t < n; t++) {
      if (p.value(s, t) != 0) {
        return false;
      }
    }
    return true;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** pprof's {@code combineHeaders}: checks compatibility and combines the header fields. */
  private static ProfileBuilder combineHeaders(List<Profile> sources) {
    Profile first = sources.get(0);
    for (Profile p : sources.subList(1, sources.size())) {
      if (!first.periodType().equals(p.periodType())) {
        throw new IllegalArgumentException(
            "incompatible period types " + first.periodType() + " and " + p.periodType());
      }
      if (!first.sampleTypes().equals(p.sampleTypes())) {
        throw new IllegalArgumentException(
            "incompatible sample types " + first.sampleTypes() + " and " + p.sampleTypes());
      }
    }
    long timeNanos = 0;
    long durationNanos = 0;
    long period = 0;
    List<String> comments = new ArrayList<>();
    String defaultSampleType = "";
    String docUrl = "";
    for (Profile p : sources) {
      if (timeNanos == 0 || p.timeNanos() < timeNanos) {
        timeNanos = p.timeNanos();
      }
      durationNanos += p.durationNanos();
      if (period == 0 || period < p.period()) {
        period = p.period();
      }
      for (String c : p.comments()) {
        if (!comments.contains(c)) {
          comments.add(c);
        }
      }
      if (defaultSampleType.isEmpty()) {
        defaultSampleType = p.defaultSampleType();
      }
      if (docUrl.isEmpty()) {
        docUrl = p.docUrl();
      }
    }
    return Profile.builder()
        .sampleTypes(first.sampleTypes())
        .dropFrames(first.dropFrames())
        .keepFrames(first.keepFrames())
        .timeNanos(timeNanos)
        .durationNanos(durationNanos)
        .periodType(first.periodType())
        .period(period)
        .comments(comments)
        .defaultSampleType(defaultSampleType)
        .docUrl(docUrl);
  }
}
