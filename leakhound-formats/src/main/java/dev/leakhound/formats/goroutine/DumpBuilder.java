package dev.leakhound.formats.goroutine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a dump's records while a reader streams through it, interning names, frames and stacks
 * as they come, and freezes them into a {@link GoroutineDump}. Refuses to grow past fixed limits
 * (names, stacks, records) so hostile input fails cleanly instead of exhausting the heap.
 *
 * <p>Not thread-safe; one per read.
 */
final class DumpBuilder {
  /** Distinct function names and positions, in bytes, each. */
  static final long MAX_NAME_BYTES = 64L << 20;

  /** Frame ids over all distinct stacks. */
  static final long MAX_STACK_INTS = 16L << 20;

  /** Records (goroutines of a full dump). A process with more has more than 20 GB of stacks. */
  static final int MAX_RECORDS = 10_000_000;

  private final ByteInterner functions = new ByteInterner(MAX_NAME_BYTES);
  private final ByteInterner positions = new ByteInterner(MAX_NAME_BYTES);
  private final ByteInterner states = new ByteInterner(1 << 20);
  private final ByteInterner labelSets = new ByteInterner(MAX_NAME_BYTES);
  private final IntSequenceInterner frames = new IntSequenceInterner(Integer.MAX_VALUE - 8);
  private final IntSequenceInterner stacks = new IntSequenceInterner(MAX_STACK_INTS);
  private final int[] pair = new int[2];

  private int size;
  private long[] goroutineIds = new long[1024];
  private int[] counts = new int[1024];
  private int[] stackIds = new int[1024];
  private int[] stateIds = new int[1024];
  private int[] waitMinutes = new int[1024];
  private byte[] flags = new byte[1024];
  private int[] creatorFrames = new int[1024];
  private long[] creatorGoroutines = new long[1024];
  private int[] labelIds = new int[1024];
  private final List<Integer> ancestorRecords = new ArrayList<>();
  private final List<Ancestor> ancestors = new ArrayList<>();

  int function(byte[] b, int from, int to) {
    return functions.intern(b, from, to);
  }

  int function(String name) {
    return functions.intern(name);
  }

  int position(byte[] b, int from, int to) {
    return positions.intern(b, from, to);
  }

  int position(String filePosition) {
    return positions.intern(filePosition);
  }

  /** The frame of a function at a position; -1 only if an interner is full. */
  int frame(int function, int position) {
    if (function < 0 || position < 0) {
      return -1;
    }
    pair[0] = function;
    pair[1] = position;
    return frames.intern(pair, 2);
  }

  int stack(int[] frameIds, int depth) {
    return stacks.intern(frameIds, depth);
  }

  int state(byte[] b, int from, int to) {
    return states.intern(b, from, to);
  }

  int state(String name) {
    return states.intern(name);
  }

  int labels(byte[] b, int from, int to) {
    return labelSets.intern(b, from, to);
  }

  int labels(String printed) {
    return labelSets.intern(printed);
  }

  int recordCount() {
    return size;
  }

  /** Adds a record and returns its index; -1 when the record limit is reached. */
  int add(
      long goroutineId,
      int count,
      int stackId,
      int stateId,
      int wait,
      int flagBits,
      int creatorFrame,
      long creatorGoroutine,
      int labelId) {
    if (size == MAX_RECORDS) {
      return -1;
    }
    if (size == counts.length) {
      int n = (int) Math.min(MAX_RECORDS, size * 2L);
      goroutineIds = Arrays.copyOf(goroutineIds, n);
      counts = Arrays.copyOf(counts, n);
      stackIds = Arrays.copyOf(stackIds, n);
      stateIds = Arrays.copyOf(stateIds, n);
      waitMinutes = Arrays.copyOf(waitMinutes, n);
      flags = Arrays.copyOf(flags, n);
      creatorFrames = Arrays.copyOf(creatorFrames, n);
      creatorGoroutines = Arrays.copyOf(creatorGoroutines, n);
      labelIds = Arrays.copyOf(labelIds, n);
    }
    int r = size++;
    goroutineIds[r] = goroutineId;
    counts[r] = count;
    stackIds[r] = stackId;
    stateIds[r] = stateId;
    waitMinutes[r] = wait;
    flags[r] = (byte) flagBits;
    creatorFrames[r] = creatorFrame;
    creatorGoroutines[r] = creatorGoroutine;
    labelIds[r] = labelId;
    return r;
  }

  void addAncestor(int record, long goroutineId, int stackId, int creatorFrame) {
    ancestorRecords.add(record);
    ancestors.add(new Ancestor(goroutineId, stackId, creatorFrame));
  }

  GoroutineDump build(
      String source, DumpKind kind, long declaredTotal, boolean truncated, long skippedLines) {
    String[] functionNames = functions.strings();
    String[] positionTexts = positions.strings();
    int[][] framePairs = frames.sequences();
    Frame[] frameTable = new Frame[framePairs.length];
    for (int i = 0; i < framePairs.length; i++) {
      frameTable[i] = frame(functionNames[framePairs[i][0]], positionTexts[framePairs[i][1]]);
    }
    int[] ancestorRecordArray = new int[ancestorRecords.size()];
    for (int i = 0; i < ancestorRecordArray.length; i++) {
      ancestorRecordArray[i] = ancestorRecords.get(i);
    }
    return new GoroutineDump(
        source,
        kind,
        declaredTotal,
        truncated,
        skippedLines,
        frameTable,
        stacks.sequences(),
        states.strings(),
        labelSets.strings(),
        Arrays.copyOf(goroutineIds, size),
        Arrays.copyOf(counts, size),
        Arrays.copyOf(stackIds, size),
        Arrays.copyOf(stateIds, size),
        Arrays.copyOf(waitMinutes, size),
        Arrays.copyOf(flags, size),
        Arrays.copyOf(creatorFrames, size),
        Arrays.copyOf(creatorGoroutines, size),
        Arrays.copyOf(labelIds, size),
        ancestorRecordArray,
        ancestors.toArray(new Ancestor[0]));
  }

  /** Splits a printed {@code file:line} position; a position without a line keeps line 0. */
  private static Frame frame(String function, String position) {
    int colon = position.lastIndexOf(':');
    if (colon > 0 && colon < position.length() - 1) {
      int line = 0;
      boolean digits = true;
      for (int i = colon + 1; i < position.length() && digits; i++) {
        char c = position.charAt(i);
        digits = c >= '0' && c <= '9' && line < 100_000_000;
        line = line * 10 + (c - '0');
      }
      if (digits) {
        return new Frame(function, position.substring(0, colon), line);
      }
    }
    return new Frame(function, position, 0);
  }
}
