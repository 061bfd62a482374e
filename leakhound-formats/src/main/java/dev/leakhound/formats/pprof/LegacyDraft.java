package dev.leakhound.formats.pprof;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mutable profile under construction by the legacy text readers, with the clean-up passes
 * google/pprof runs on legacy profiles ({@code profile/legacy_profile.go} and {@code profile.go}):
 * merging adjacent mappings and moving the main binary first, numbering locations by first use,
 * attaching locations to mappings by address (with a fake mapping when none fits), and the drop and
 * keep frame expressions of heap profiles. Kept separate from the immutable {@link Profile} because
 * these passes rewrite ids and references in place.
 *
 * <p>Not thread-safe; one per input.
 */
final class LegacyDraft {
  static final class DraftMapping {
    long id;
    long start;
    long limit;
    long offset;
    String file = "";
    String buildId = "";
  }

  static final class DraftFunction {
    long id;
    final String name;
    final String filename;

    DraftFunction(String name, String filename) {
      this.name = name;
      this.filename = filename;
    }
  }

  static final class DraftLine {
    final DraftFunction function;
    final long line;

    DraftLine(DraftFunction function, long line) {
      this.function = function;
      this.line = line;
    }
  }

  static final class DraftLocation {
    long id;
    long address;
    DraftMapping mapping;
    List<DraftLine> lines = List.of();

    DraftLocation(long address) {
      this.address = address;
    }
  }

  record DraftSample(long[] values, List<DraftLocation> locations, List<Label> labels) {}

  List<ValueType> sampleTypes = List.of();
  ValueType periodType = ValueType.EMPTY;
  long period;
  long durationNanos;
  final List<DraftSample> samples = new ArrayList<>();
  List<DraftLocation> locations = new ArrayList<>();
  List<DraftFunction> functions = new ArrayList<>();
  List<DraftMapping> mappings = new ArrayList<>();

  private static final Pattern LIBRARY = Pattern.compile("([.]so$|[.]so[._][0-9]+)");

  /** pprof's {@code massageMappings}: merge split mappings, main binary first, ids 1..n. */
  void massageMappings() {
    if (mappings.size() > 1) {
      List<DraftMapping> kept = new ArrayList<>();
      kept.add(mappings.get(0));
      for (DraftMapping m : mappings.subList(1, mappings.size())) {
        DraftMapping last = kept.get(kept.size() - 1);
        if (adjacent(last, m)) {
          last.limit = m.limit;
          if (!m.file.isEmpty()) {
            last.file = m.file;
          }
          if (!m.buildId.isEmpty()) {
            last.buildId = m.buildId;
          }
          for (DraftLocation l : locations) {
            if (l.mapping == m) {
              l.mapping = last;
            }
          }
          continue;
        }
        kept.add(m);
      }
      mappings = kept;
    }
    for (int i = 0; i < mappings.size(); i++) {
      String file = mappings.get(i).file.replace("(deleted)", "").strip();
      if (file.isEmpty() || LIBRARY.matcher(file).find() || file.charAt(0) == '[') {
        continue;
      }
      DraftMapping first = mappings.get(0);
      mappings.set(0, mappings.get(i));
      mappings.set(i, first);
      break;
    }
    for (int i = 0; i < mappings.size(); i++) {
      mappings.get(i).id = i + 1;
    }
  }

  private static boolean adjacent(DraftMapping m1, DraftMapping m2) {
    if (!m1.file.isEmpty() && !m2.file.isEmpty() && !m1.file.equals(m2.file)) {
      return false;
    }
    if (!m1.buildId.isEmpty() && !m2.buildId.isEmpty() && !m1.buildId.equals(m2.buildId)) {
      return false;
    }
    if (m1.limit != m2.start) {
      return false;
    }
    if (m1.offset != 0 && m2.offset != 0) {
      return m1.offset + (m1.limit - m1.start) == m2.offset;
    }
    return true;
  }

  /** pprof's {@code remapLocationIDs}: keep the locations samples use, numbered by first use. */
  void remapLocationIds() {
    Map<DraftLocation, Boolean> seen = new IdentityHashMap<>();
    List<DraftLocation> used = new ArrayList<>();
    for (DraftSample s : samples) {
      for (DraftLocation l : s.locations()) {
        if (seen.putIfAbsent(l, Boolean.TRUE) == null) {
          l.id = used.size() + 1;
          used.add(l);
        }
      }
    }
    locations = used;
  }

  /** pprof's {@code remapFunctionIDs}: keep the functions locations use, numbered by first use. */
  void remapFunctionIds() {
    Map<DraftFunction, Boolean> seen = new IdentityHashMap<>();
    List<DraftFunction> used = new ArrayList<>();
    for (DraftLocation l : locations) {
      for (DraftLine line : l.lines) {
        if (seen.putIfAbsent(line.function, Boolean.TRUE) == null) {
          line.function.id = used.size() + 1;
          used.add(line.function);
        }
      }
    }
    functions = used;
  }

  /**
   * pprof's {@code remapMappingIDs}: attach each location to the mapping holding its address, with
   * pprof's heuristics for split and relocated main binaries, and a fake mapping over the whole
   * address space for what is left (Go's legacy profiles have no mappings at all).
   */
  void remapMappingIds() {
    if (!mappings.isEmpty()
        && mappings.get(0).file.startsWith("/anon_hugepage")
        && mappings.size() > 1
        && mappings.get(0).limit == mappings.get(1).start) {
      mappings = new ArrayList<>(mappings.subList(1, mappings.size()));
    }
    if (!mappings.isEmpty()) {
      DraftMapping m = mappings.get(0);
      long expectedStart = 0x400000;
      if (m.start - m.offset == expectedStart) {
        m.start = expectedStart;
        m.offset = 0;
      }
    }
    DraftMapping fake = null;
    next:
    for (DraftLocation l : locations) {
      long a = l.address;
      if (l.mapping != null || a == 0) {
        continue;
      }
      for (DraftMapping m : mappings) {
        if (Long.compareUnsigned(m.start, a) <= 0 && Long.compareUnsigned(a, m.limit) < 0) {
          l.mapping = m;
          continue next;
        }
      }
      for (DraftMapping m : mappings) {
        if (m.offset != 0
            && Long.compareUnsigned(m.start - m.offset, a) <= 0
            && Long.compareUnsigned(a, m.start) < 0) {
          m.start -= m.offset;
          m.offset = 0;
          l.mapping = m;
          continue next;
        }
      }
      if (fake == null) {
        fake = new DraftMapping();
        fake.id = 1;
        fake.limit = -1L; // ^uint64(0)
        mappings.add(fake);
      }
      l.mapping = fake;
    }
    for (int i = 0; i < mappings.size(); i++) {
      mappings.get(i).id = i + 1;
    }
  }

  /** The drop and keep frame expressions pprof gives legacy heap profiles, when these are one. */
  String[] legacyFrameInfo() {
    List<String> types = sampleTypes.stream().map(ValueType::type).toList();
    for (List<String> heap : LegacyFrames.HEAP_SAMPLE_TYPES) {
      if (types.equals(heap)) {
        return new String[] {LegacyFrames.ALLOC_DROP, LegacyFrames.ALLOC_KEEP};
      }
    }
    return new String[] {LegacyFrames.CPU_DROP, ""};
  }

  /** The finished, validated profile. */
  Profile toProfile() {
    ProfileBuilder b = Profile.builder().sampleTypes(sampleTypes);
    b.periodType(periodType).period(period).durationNanos(durationNanos);
    String[] frames = legacyFrameInfo();
    b.dropFrames(frames[0]).keepFrames(frames[1]);
    for (DraftMapping m : mappings) {
      b.addMapping(
          new Mapping(
              m.id, m.start, m.limit, m.offset, m.file, m.buildId, false, false, false, false));
    }
    for (DraftFunction f : functions) {
      b.addFunction(Function.of(f.id, f.name, f.filename));
    }
    Map<DraftLocation, Integer> indexOf = new IdentityHashMap<>();
    for (DraftLocation l : locations) {
      List<Line> lines = new ArrayList<>(l.lines.size());
      for (DraftLine line : l.lines) {
        lines.add(new Line(line.function.id, line.line, 0));
      }
      indexOf.put(l, b.locationCount());
      b.addLocation(
          new Location(l.id, l.mapping == null ? 0 : l.mapping.id, l.address, lines, false));
    }
    int[] stack = new int[16];
    for (DraftSample s : samples) {
      if (stack.length < s.locations().size()) {
        stack = new int[s.locations().size() * 2];
      }
      for (int d = 0; d < s.locations().size(); d++) {
        stack[d] = indexOf.get(s.locations().get(d));
      }
      b.addSampleByIndex(stack, s.locations().size(), s.values(), s.labels());
    }
    return b.build();
  }
}
