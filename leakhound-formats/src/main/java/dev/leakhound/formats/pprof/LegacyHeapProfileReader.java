package dev.leakhound.formats.pprof;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.pprof.LegacyDraft.DraftFunction;
import dev.leakhound.formats.pprof.LegacyDraft.DraftLine;
import dev.leakhound.formats.pprof.LegacyDraft.DraftLocation;
import dev.leakhound.formats.pprof.LegacyDraft.DraftSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads legacy text heap profiles as google/pprof's {@code parseHeap} does: Go's {@code heap
 * profile: ... @ heap/N} (what {@code /debug/pprof/heap?debug=1} serves), the C++ {@code heapz_v2},
 * {@code heap_v2}, {@code heapprofile}, {@code growthz} and {@code fragmentationz} forms, with the
 * same un-sampling ({@code scaleHeapSample}), the {@code bytes} block-size label, addresses moved
 * back one byte onto the call instruction, and the memory-map section and its heuristics.
 *
 * <p>One addition: Go's debug=1 output follows each sample with {@code
 * #\tPC\tfunction+off\tfile:line} comments. pprof ignores them (it symbolizes from the binary);
 * this reader uses them to give the locations their functions and lines, and, like the runtime's
 * own proto writer, drops the runtime frames the comments hide at the leaf of each stack. Without
 * comments the result equals pprof's parse exactly.
 *
 * <p>Stateless; thread-safe. Cost: linear in the input; holds its lines in memory.
 */
public final class LegacyHeapProfileReader {
  private static final String COUNTS = "heap profile: *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\]";
  private static final Pattern HEAP_HEADER =
      Pattern.compile(COUNTS + " *@ *(heap[_a-z0-9]*)/?(\\d*)");
  private static final Pattern GROWTH_HEADER = Pattern.compile(COUNTS + " @ growthz?");
  private static final Pattern FRAGMENTATION_HEADER =
      Pattern.compile(COUNTS + " @ fragmentationz?");
  // pprof's heapSampleRE, made linear for Java's backtracking engine without changing what it
  // finds: a match never starts inside a run of digits (starting at the run's first digit gives
  // the same match, and Go's leftmost rule picks that one), and no quantifier needs to give back.
  private static final Pattern SAMPLE =
      Pattern.compile(
          "(?:(?<![0-9])|(?=-))(-?\\d++): *+(-?\\d++) *+\\[ *+(\\d++): *+(\\d++) *+] @([ x0-9a-f]*+)");
  private static final String SAMPLE_SHAPE =
      "a heap sample such as '1: 1024 [2: 2048] @ 0x4a1b2c 0x4a1d00'";

  private LegacyHeapProfileReader() {}

  /** True when {@code firstLine} is the header of a legacy heap profile this reader handles. */
  public static boolean recognizes(String firstLine) {
    return firstLine.contains("heap profile:");
  }

  /** Reads {@code length} bytes of {@code data} from {@code offset}. */
  public static Profile read(String source, byte[] data, int offset, int length)
      throws InputFormatException {
    List<String> lines = LegacyText.lines(data, offset, length);
    if (lines.isEmpty()) {
      throw InputFormatException.atLine(source, 1, "a 'heap profile:' header line");
    }
    LegacyDraft p = new LegacyDraft();
    p.periodType = new ValueType("space", "bytes");
    String header = lines.get(0);
    boolean v2 = false;
    boolean hasAlloc = false;
    Matcher h = HEAP_HEADER.matcher(header);
    if (h.find()) {
      hasAlloc =
          (!h.group(3).equals(h.group(1)) && !h.group(3).equals("0"))
              || (!h.group(4).equals(h.group(2)) && !h.group(4).equals("0"));
      long period = 0;
      if (!h.group(6).isEmpty()) {
        period = parseLong(h.group(6), source, 1, "a sampling period that fits in 64 bits");
      }
      switch (h.group(5)) {
        case "heapz_v2", "heap_v2" -> {
          v2 = true;
          p.period = period;
        }
        case "heapprofile" -> p.period = 1;
        case "heap" -> {
          // Go writes twice the sampling rate here (2*runtime.MemProfileRate).
          v2 = true;
          p.period = period / 2;
        }
        default ->
            throw InputFormatException.atLine(
                source,
                1,
                "a heap profile kind of heap, heap_v2, heapz_v2 or heapprofile, not " + h.group(5));
      }
    } else if (GROWTH_HEADER.matcher(header).find()
        || FRAGMENTATION_HEADER.matcher(header).find()) {
      p.period = 1;
    } else {
      throw InputFormatException.atLine(
          source, 1, "a header such as 'heap profile: 1: 2 [3: 4] @ heap/1048576'");
    }
    p.sampleTypes =
        hasAlloc
            ? List.of(
                new ValueType("alloc_objects", "count"),
                new ValueType("alloc_space", "bytes"),
                new ValueType("inuse_objects", "count"),
                new ValueType("inuse_space", "bytes"))
            : List.of(new ValueType("objects", "count"), new ValueType("space", "bytes"));

    Map<Long, DraftLocation> locations = new LinkedHashMap<>();
    GoSymbols symbols = new GoSymbols();
    int i = 1;
    for (; i < lines.size(); i++) {
      String raw = lines.get(i);
      LegacyText.requireScannable(raw, source, i + 1);
      symbols.accept(raw);
      String line = raw.strip();
      if (LegacyText.isSpaceOrComment(line)) {
        continue;
      }
      if (LegacyMemoryMap.isSentinel(line)) {
        break;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.find()) {
        throw InputFormatException.atLine(source, i + 1, SAMPLE_SHAPE);
      }
      symbols.startSample();
      long[] values = new long[hasAlloc ? 4 : 2];
      long[] blockSize = {0};
      int at = 0;
      if (hasAlloc) {
        addValues(
            m.group(3), m.group(4), "allocation", values, 0, blockSize, v2, p.period, source, i);
        at = 2;
      }
      addValues(m.group(1), m.group(2), "inuse", values, at, blockSize, v2, p.period, source, i);
      long[] addresses = LegacyText.hexAddresses(m.group(5));
      if (addresses == null) {
        throw InputFormatException.atLine(source, i + 1, "addresses that fit in 64 bits");
      }
      List<DraftLocation> stack = new ArrayList<>(addresses.length);
      for (long address : addresses) {
        // Return addresses point after the call; step back onto the call instruction.
        long a = address - 1;
        stack.add(locations.computeIfAbsent(a, DraftLocation::new));
      }
      p.samples.add(
          new DraftSample(values, stack, List.of(Label.ofNumber("bytes", blockSize[0], ""))));
    }
    List<DraftLocation> inOrder = new ArrayList<>(locations.values());
    p.locations = inOrder;
    if (symbols.any()) {
      symbols.apply(p);
    }
    List<String> rest = i < lines.size() ? lines.subList(i + 1, lines.size()) : List.of();
    p.mappings.addAll(LegacyMemoryMap.parse(rest));
    p.massageMappings();
    p.remapLocationIds();
    p.remapFunctionIds();
    p.remapMappingIds();
    return p.toProfile();
  }

  private static void addValues(
      String countText,
      String sizeText,
      String label,
      long[] values,
      int at,
      long[] blockSize,
      boolean v2,
      long rate,
      String source,
      int lineIndex)
      throws InputFormatException {
    long count =
        parseLong(countText, source, lineIndex + 1, "an object count that fits in 64 bits");
    long size = parseLong(sizeText, source, lineIndex + 1, "a byte count that fits in 64 bits");
    if (count == 0 && size != 0) {
      throw InputFormatException.atLine(
          source,
          lineIndex + 1,
          "a nonzero " + label + " count, as the " + label + " bytes are " + size);
    }
    if (count != 0) {
      blockSize[0] = size / count;
      if (v2) {
        long[] scaled = LegacyText.scaleHeapSample(count, size, rate);
        count = scaled[0];
        size = scaled[1];
      }
    }
    values[at] = count;
    values[at + 1] = size;
  }

  private static long parseLong(String text, String source, int line, String expected)
      throws InputFormatException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw InputFormatException.atLine(source, line, expected + ", not " + text);
    }
  }

  /**
   * The {@code #\tPC\tfunction+offset\tfile:line} comments Go's debug=1 output prints under each
   * sample: one line per frame, inlined frames sharing a PC, innermost first; a frame without a
   * name prints its PC alone. The runtime hides runtime frames at the leaf and {@code
   * runtime.goexit}, so a PC of a sample without a comment under that sample is a hidden frame.
   */
  private static final class GoSymbols {
    private static final Pattern TABS = Pattern.compile("\t+");

    private final Map<Long, List<String[]>> framesByPc = new HashMap<>();
    private final Map<String, DraftFunction> functions = new HashMap<>();
    private final List<Set<Long>> pcsBySample = new ArrayList<>();

    /** The comments that follow belong to a new sample. */
    void startSample() {
      pcsBySample.add(new HashSet<>());
    }

    void accept(String raw) {
      if (!raw.startsWith("#\t0x") || pcsBySample.isEmpty()) {
        return;
      }
      // The runtime aligns the columns with a tabwriter: fields are separated by runs of tabs.
      String[] parts = TABS.split(raw.strip());
      long pc;
      try {
        pc = Long.parseUnsignedLong(parts[1].substring(2), 16);
      } catch (NumberFormatException e) {
        return;
      }
      pcsBySample.get(pcsBySample.size() - 1).add(pc);
      List<String[]> frames = framesByPc.computeIfAbsent(pc, k -> new ArrayList<>());
      if (parts.length < 4) {
        return; // a frame the runtime could not name: known, but without a function
      }
      int plus = parts[2].lastIndexOf("+0x");
      String name = plus > 0 ? parts[2].substring(0, plus) : parts[2];
      int colon = parts[3].lastIndexOf(':');
      String file = colon > 0 ? parts[3].substring(0, colon) : parts[3];
      String line = colon > 0 ? parts[3].substring(colon + 1) : "0";
      String[] frame = {name, file, line};
      // The same stack prints under several samples: keep each PC's frames once.
      for (String[] f : frames) {
        if (Arrays.equals(f, frame)) {
          return;
        }
      }
      frames.add(frame);
    }

    boolean any() {
      return !framesByPc.isEmpty();
    }

    void apply(LegacyDraft p) {
      for (DraftLocation l : p.locations) {
        List<String[]> frames = framesByPc.get(l.address);
        if (frames == null || frames.isEmpty()) {
          continue;
        }
        List<DraftLine> lines = new ArrayList<>(frames.size());
        for (String[] f : frames) {
          DraftFunction fn =
              functions.computeIfAbsent(f[0] + "\u0000" + f[1], k -> new DraftFunction(f[0], f[1]));
          long line;
          try {
            line = Long.parseLong(f[2]);
          } catch (NumberFormatException e) {
            line = 0;
          }
          lines.add(new DraftLine(fn, line));
        }
        l.lines = lines;
      }
      // Drop the frames the runtime hid, as its own proto writer does; keep a stack it hid
      // entirely (the runtime then shows every frame).
      for (int s = 0; s < p.samples.size(); s++) {
        DraftSample sample = p.samples.get(s);
        Set<Long> shown = pcsBySample.get(s);
        List<DraftLocation> kept = new ArrayList<>(sample.locations().size());
        for (DraftLocation l : sample.locations()) {
          if (shown.contains(l.address)) {
            kept.add(l);
          }
        }
        if (!kept.isEmpty() && kept.size() < sample.locations().size()) {
          p.samples.set(s, new DraftSample(sample.values(), kept, sample.labels()));
        }
      }
    }
  }
}
