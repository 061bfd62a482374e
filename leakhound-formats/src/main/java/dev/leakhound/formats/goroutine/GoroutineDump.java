package dev.leakhound.formats.goroutine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A goroutine dump in any of its forms ({@link DumpKind}), held as columns: one record per
 * goroutine for a full dump, one per distinct stack (with its count) for a count profile. Frames
 * and stacks are interned to dense int ids, so a million goroutines over a few hundred distinct
 * stacks cost a few ints each.
 *
 * <p>Stacks list frames innermost first, as Go prints them. States are the runtime's words ({@code
 * chan receive}, {@code select}, {@code IO wait}, ...) without the {@code (scan)} and {@code
 * (leaked)} markers, which are flags; count profiles carry no state, so theirs is inferred from the
 * top frames where the standard library names it, else {@value #UNKNOWN_STATE}.
 *
 * <p>Immutable and thread-safe. Built by {@link GoroutineDumpReader}.
 */
public final class GoroutineDump {
  /** The state of a record whose dump does not say (count profiles). */
  public static final String UNKNOWN_STATE = "unknown";

  static final int FLAG_LOCKED = 1;
  static final int FLAG_SCAN = 2;
  static final int FLAG_LEAKED = 4;

  private final String source;
  private final DumpKind kind;
  private final long declaredTotal;
  private final boolean truncated;
  private final long skippedLines;
  private final Frame[] frames;
  private final int[][] stacks;
  private final String[] states;
  private final String[] labelSets;
  private final long[] goroutineIds;
  private final int[] counts;
  private final int[] stackIds;
  private final int[] stateIds;
  private final int[] waitMinutes;
  private final byte[] flags;
  private final int[] creatorFrames;
  private final long[] creatorGoroutines;
  private final int[] labelIds;
  private final int[] ancestorRecords;
  private final Ancestor[] ancestors;
  private final long total;

  GoroutineDump(
      String source,
      DumpKind kind,
      long declaredTotal,
      boolean truncated,
      long skippedLines,
      Frame[] frames,
      int[][] stacks,
      String[] states,
      String[] labelSets,
      long[] goroutineIds,
      int[] counts,
      int[] stackIds,
      int[] stateIds,
      int[] waitMinutes,
      byte[] flags,
      int[] creatorFrames,
      long[] creatorGoroutines,
      int[] labelIds,
      int[] ancestorRecords,
      Ancestor[] ancestors) {
    this.source = Objects.requireNonNull(source);
    this.kind = Objects.requireNonNull(kind);
    this.declaredTotal = declaredTotal;
    this.truncated = truncated;
    this.skippedLines = skippedLines;
    this.frames = frames;
    this.stacks = stacks;
    this.states = states;
    this.labelSets = labelSets;
    this.goroutineIds = goroutineIds;
    this.counts = counts;
    this.stackIds = stackIds;
    this.stateIds = stateIds;
    this.waitMinutes = waitMinutes;
    this.flags = flags;
    this.creatorFrames = creatorFrames;
    this.creatorGoroutines = creatorGoroutines;
    this.labelIds = labelIds;
    this.ancestorRecords = ancestorRecords;
    this.ancestors = ancestors;
    long sum = 0;
    int n = counts.length;
    for (int column :
        new int[] {
          goroutineIds.length,
          stackIds.length,
          stateIds.length,
          waitMinutes.length,
          flags.length,
          creatorFrames.length,
          creatorGoroutines.length,
          labelIds.length
        }) {
      if (column != n) {
        throw new IllegalArgumentException("record columns differ in length");
      }
    }
    for (int r = 0; r < n; r++) {
      if (counts[r] < 1
          || stackIds[r] < 0
          || stackIds[r] >= stacks.length
          || stateIds[r] < 0
          || stateIds[r] >= states.length
          || creatorFrames[r] >= frames.length
          || labelIds[r] >= labelSets.length) {
        throw new IllegalArgumentException("record " + r + " refers outside the tables");
      }
      sum += counts[r];
    }
    for (int[] stack : stacks) {
      for (int f : stack) {
        if (f < 0 || f >= frames.length) {
          throw new IllegalArgumentException("a stack refers to frame " + f);
        }
      }
    }
    this.total = sum;
  }

  /** The file name or {@code <stdin>} the dump was read from. */
  public String source() {
    return source;
  }

  public DumpKind kind() {
    return kind;
  }

  /** Goroutines in the dump: the sum of the record counts. */
  public long total() {
    return total;
  }

  /** The {@code total N} of a count profile's header, or -1 when the form has none. */
  public long declaredTotal() {
    return declaredTotal;
  }

  /**
   * True when the input ended inside a goroutine block (the runtime cuts {@code debug=2} dumps at
   * 64 MiB); the unfinished goroutine is left out.
   */
  public boolean truncated() {
    return truncated;
  }

  /** Lines outside goroutine blocks that were skipped (a crash's panic message, exit status). */
  public long skippedLines() {
    return skippedLines;
  }

  public int recordCount() {
    return counts.length;
  }

  /** The goroutine id of a full dump's record, or -1 for count profiles. */
  public long goroutineId(int record) {
    return goroutineIds[record];
  }

  /** How many goroutines the record stands for: 1 in a full dump. */
  public int count(int record) {
    return counts[record];
  }

  public int stackId(int record) {
    return stackIds[record];
  }

  public int stateId(int record) {
    return stateIds[record];
  }

  public String state(int record) {
    return states[stateIds[record]];
  }

  /** Minutes the goroutine has been blocked, as the runtime prints it (0 below one minute). */
  public int waitMinutes(int record) {
    return waitMinutes[record];
  }

  public boolean lockedToThread(int record) {
    return (flags[record] & FLAG_LOCKED) != 0;
  }

  /** True when the header said {@code (scan)}: the GC was scanning the stack at that moment. */
  public boolean scanning(int record) {
    return (flags[record] & FLAG_SCAN) != 0;
  }

  /** True when the runtime marked the goroutine {@code (leaked)} (goroutineleak profile). */
  public boolean leaked(int record) {
    return (flags[record] & FLAG_LEAKED) != 0 || kind.isLeakProfile();
  }

  /** The frame of the {@code created by} line, or -1 (goroutine 1, count profiles). */
  public int creatorFrame(int record) {
    return creatorFrames[record];
  }

  /** The {@code in goroutine N} of the created-by line (Go 1.21+), or -1. */
  public long creatorGoroutine(int record) {
    return creatorGoroutines[record];
  }

  /** The record's pprof labels as printed ({@code {"k": "v"}}), or null. */
  public String labels(int record) {
    return labelIds[record] < 0 ? null : labelSets[labelIds[record]];
  }

  /** The tracebackancestors sections of a record, oldest creator last; usually empty. */
  public List<Ancestor> ancestors(int record) {
    int from = Arrays.binarySearch(ancestorRecords, record);
    if (from < 0) {
      return List.of();
    }
    while (from > 0 && ancestorRecords[from - 1] == record) {
      from--;
    }
    List<Ancestor> out = new ArrayList<>();
    for (int i = from; i < ancestorRecords.length && ancestorRecords[i] == record; i++) {
      out.add(ancestors[i]);
    }
    return out;
  }

  public int frameCount() {
    return frames.length;
  }

  public Frame frame(int frameId) {
    return frames[frameId];
  }

  public int stackCount() {
    return stacks.length;
  }

  /** The frame ids of a stack, innermost first (a copy). */
  public int[] stack(int stackId) {
    return stacks[stackId].clone();
  }

  public int stackDepth(int stackId) {
    return stacks[stackId].length;
  }

  public int stackFrame(int stackId, int depth) {
    return stacks[stackId][depth];
  }

  /** The distinct states, indexed by state id. */
  public List<String> states() {
    return List.of(states);
  }
}
