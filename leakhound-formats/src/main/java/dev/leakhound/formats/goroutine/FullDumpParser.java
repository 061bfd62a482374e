package dev.leakhound.formats.goroutine;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.LineScanner;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.IOException;
import java.util.Arrays;

/**
 * Parses the full form of a goroutine dump ({@code ?debug=2}, {@code runtime.Stack(buf, true)}, a
 * crash traceback), one line at a time with no String per line: see {@link GoroutineDumpReader} for
 * the shapes it accepts. A goroutine becomes a record when its main stack ends; its
 * tracebackancestors sections are attached to that record.
 *
 * <p>Not thread-safe; one per read.
 */
final class FullDumpParser extends DumpParser {
  private static final int PROGRESS_EVERY_LINES = 1 << 16;
  private static final String STACK_UNAVAILABLE =
      "\tgoroutine running on other thread; stack unavailable";

  private final int noPosition;

  private int[] frames = new int[128];
  private int depth;
  private boolean sawHeader;
  private boolean inBlock;
  private long skipped;
  private boolean truncated;

  // The goroutine being read.
  private long goroutineId;
  private int stateId;
  private int waitMinutes;
  private int flags;
  private int labelId;
  private int creatorFrame;
  private long creatorGoroutine;
  private int record;

  // The section being read: the goroutine's own stack, or one of its ancestors'.
  private boolean inAncestor;
  private long ancestorId;
  private int ancestorCreator;

  // A function line (or created-by line) waiting for its tab-indented position line.
  private int pendingFunction = -1;
  private boolean pendingIsCreator;
  private boolean pendingIsCall;

  FullDumpParser(
      String source,
      LineScanner lines,
      long sizeHint,
      ProgressListener progress,
      CancelSignal cancel) {
    super(source, lines, sizeHint, progress, cancel);
    this.noPosition = builder.position("");
  }

  @Override
  GoroutineDump parse() throws IOException {
    long firstLine = lines.lineNumber();
    do {
      if (lines.endedWithNewline()) {
        handle();
      } else {
        handleLast();
      }
      if ((lines.lineNumber() & (PROGRESS_EVERY_LINES - 1)) == 0) {
        progress.onProgress("reading goroutine dump", lines.lineOffset(), sizeHint);
        cancel.throwIfCancelled();
      }
    } while (lines.next());
    if (!sawHeader) {
      throw InputFormatException.atLine(
          source,
          firstLine,
          "a goroutine dump: 'goroutine N [state]:' blocks (debug=2) or a 'goroutine profile:"
              + " total N' header (debug=1)");
    }
    if (inBlock) {
      if (pendingFunction >= 0 && pendingIsCall) {
        // A function line without its position: the input was cut inside this goroutine.
        truncated = true;
      } else {
        if (pendingFunction >= 0) {
          // Not a call but text printed after the dump ("exit status 2" from go run).
          skipped++;
          pendingFunction = -1;
        }
        endBlock();
      }
    }
    return builder.build(source, DumpKind.FULL, -1, truncated, skipped);
  }

  /**
   * The last line of an input that does not end with a newline: when it does not parse, the input
   * was cut (the runtime stops {@code debug=2} dumps at 64 MiB); drop the goroutine.
   */
  private void handleLast() throws IOException {
    try {
      handle();
    } catch (InputFormatException e) {
      if (!sawHeader) {
        throw e;
      }
      truncated = true;
      inBlock = false;
      pendingFunction = -1;
    }
  }

  private void handle() throws IOException {
    byte[] b = lines.buffer();
    int from = lines.start();
    int to = lines.end();
    if (from == to) {
      blank();
      return;
    }
    byte first = b[from];
    if (first == 'g' && lines.startsWith("goroutine ")) {
      if (header(b, from, to)) {
        return;
      }
      if (sawHeader) {
        throw fail("a goroutine header 'goroutine N [state]:' (found '" + lines.text(80) + "')");
      }
      skipped++;
      return;
    }
    if (!inBlock) {
      if (lines.isBlank()) {
        return;
      }
      if (sawHeader && first == '\t') {
        throw fail("a goroutine header 'goroutine N [state]:' before frame lines");
      }
      skipped++;
      return;
    }
    if ((first == '\t' || first == ' ') && lines.isBlank()) {
      blank();
      return;
    }
    if (first == '\t') {
      position(b, from + 1, to);
      return;
    }
    if (pendingFunction >= 0) {
      throw fail(
          "a tab-indented 'file:line' line after the function line above (found '"
              + lines.text(80)
              + "')");
    }
    if (first == 'c' && lines.startsWith("created by ")) {
      createdBy(b, from + 11, to);
    } else if (first == '[' && lines.startsWith("[originating from goroutine ")) {
      ancestor(b, from + 28, to);
    } else if (first == '.' && lines.startsWith("...") && lines.endsWith("...")) {
      push(frame(builder.function(b, from, to), noPosition));
    } else {
      function(b, from, to);
    }
  }

  private void blank() throws InputFormatException {
    if (!inBlock) {
      return;
    }
    if (pendingFunction >= 0) {
      throw fail("a tab-indented 'file:line' line after the function line above");
    }
    endBlock();
  }

  /** {@code goroutine 18 [chan receive, 5 minutes, locked to thread]:}; false if not one. */
  private boolean header(byte[] b, int from, int to) throws InputFormatException {
    int i = from + 10;
    int digits = i;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    long id = GoroutineDumpReader.parseDecimal(b, digits, i);
    if (id < 0 || to - i < 4 || b[to - 1] != ':' || b[to - 2] != ']') {
      return false;
    }
    // Crash tracebacks add " gp=0x... m=N mp=0x..." before the bracket.
    while (i < to && b[i] != '[') {
      i++;
    }
    if (i >= to - 2 || b[i - 1] != ' ') {
      return false;
    }
    int contentFrom = i + 1;
    int contentTo = to - 2;
    int labels = indexOf(b, contentFrom, contentTo, " labels:{");
    int partsTo = labels >= 0 ? labels : contentTo;
    int statusTo = indexOf(b, contentFrom, partsTo, ", ");
    if (statusTo < 0) {
      statusTo = partsTo;
    }
    int flagBits = 0;
    while (true) {
      if (endsWith(b, contentFrom, statusTo, " (scan)")) {
        flagBits |= GoroutineDump.FLAG_SCAN;
        statusTo -= 7;
      } else if (endsWith(b, contentFrom, statusTo, " (leaked)")) {
        flagBits |= GoroutineDump.FLAG_LEAKED;
        statusTo -= 9;
      } else {
        break;
      }
    }
    if (statusTo <= contentFrom) {
      throw fail("a goroutine state inside the brackets (found '" + lines.text(80) + "')");
    }
    int wait = 0;
    for (int p = statusTo; p < partsTo; ) {
      int partFrom = p + 2;
      int next = indexOf(b, partFrom, partsTo, ", ");
      int partTo = next < 0 ? partsTo : next;
      if (endsWith(b, partFrom, partTo, " minutes")) {
        long minutes = GoroutineDumpReader.parseDecimal(b, partFrom, partTo - 8);
        if (minutes < 0 || minutes > Integer.MAX_VALUE) {
          throw fail("a wait time 'N minutes' (found '" + lines.text(80) + "')");
        }
        wait = (int) minutes;
      } else if (partTo - partFrom == 16 && lines.startsWith(partFrom, "locked to thread")) {
        flagBits |= GoroutineDump.FLAG_LOCKED;
      }
      // Other parts (a synctest bubble, words a later Go adds) do not change the grouping.
      p = partTo;
    }
    if (inBlock) {
      if (pendingFunction >= 0) {
        throw fail("a tab-indented 'file:line' line after the function line above");
      }
      endBlock();
    }
    sawHeader = true;
    inBlock = true;
    goroutineId = id;
    stateId = checked(builder.state(b, contentFrom, statusTo), "states");
    waitMinutes = wait;
    flags = flagBits;
    labelId = labels >= 0 ? checked(builder.labels(b, labels + 8, contentTo), "label sets") : -1;
    creatorFrame = -1;
    creatorGoroutine = -1;
    record = -1;
    inAncestor = false;
    depth = 0;
    return true;
  }

  /** A frame's function line: {@code pkg.(*T).M[...](0xc000, {0x1, 0x2}, ...)}. */
  private void function(byte[] b, int from, int to) throws InputFormatException {
    int nameTo = to;
    if (b[to - 1] == ')') {
      for (int i = to - 2; i > from; i--) {
        if (b[i] == '(') {
          nameTo = i;
          break;
        }
      }
    }
    while (nameTo > from && b[nameTo - 1] == ' ') {
      nameTo--;
    }
    if (nameTo == from) {
      throw fail("a function name before the arguments (found '" + lines.text(80) + "')");
    }
    pendingFunction = checked(builder.function(b, from, nameTo), "function names");
    pendingIsCreator = false;
    pendingIsCall = b[to - 1] == ')';
  }

  /** {@code created by net/http.(*Server).Serve in goroutine 20} (the suffix since Go 1.21). */
  private void createdBy(byte[] b, int from, int to) throws InputFormatException {
    int nameTo = to;
    int in = indexOf(b, from, to, " in goroutine ");
    if (in >= 0) {
      long parent = GoroutineDumpReader.parseDecimal(b, in + 14, to);
      if (parent < 0) {
        throw fail("'created by F in goroutine N' (found '" + lines.text(80) + "')");
      }
      if (!inAncestor) {
        creatorGoroutine = parent;
      }
      nameTo = in;
    }
    if (nameTo == from) {
      throw fail("a function name after 'created by'");
    }
    pendingFunction = checked(builder.function(b, from, nameTo), "function names");
    pendingIsCreator = true;
    pendingIsCall = true;
  }

  /** {@code [originating from goroutine 21]:} */
  private void ancestor(byte[] b, int from, int to) throws InputFormatException {
    long id = to - from > 2 ? GoroutineDumpReader.parseDecimal(b, from, to - 2) : -1;
    if (id < 0 || b[to - 1] != ':' || b[to - 2] != ']') {
      throw fail("'[originating from goroutine N]:' (found '" + lines.text(80) + "')");
    }
    endSection();
    inAncestor = true;
    ancestorId = id;
    ancestorCreator = -1;
  }

  /** The tab-indented line under a function: {@code \t/x/y.go:12 +0x1d fp=.. sp=.. pc=..}. */
  private void position(byte[] b, int from, int to) throws InputFormatException {
    if (pendingFunction < 0) {
      if (lines.length() == STACK_UNAVAILABLE.length() && lines.startsWith(STACK_UNAVAILABLE)) {
        return;
      }
      throw fail("a function line before the tab-indented position line");
    }
    int position;
    if (lines.startsWith(from, "pc=")) {
      position = noPosition; // a cgo frame the symbolizer could not place
    } else {
      int end = GoroutineDumpReader.positionEnd(b, from, to);
      if (end < 0) {
        throw fail("a position 'file:line' after the tab (found '" + lines.text(80) + "')");
      }
      position = checked(builder.position(b, from, end), "positions");
    }
    int frame = frame(pendingFunction, position);
    if (pendingIsCreator) {
      if (inAncestor) {
        ancestorCreator = frame;
      } else {
        creatorFrame = frame;
      }
    } else {
      push(frame);
    }
    pendingFunction = -1;
  }

  private int frame(int function, int position) throws InputFormatException {
    return checked(builder.frame(checked(function, "function names"), position), "frames");
  }

  private void push(int frame) throws InputFormatException {
    if (depth == frames.length) {
      if (depth >= GoroutineDumpReader.MAX_FRAMES) {
        throw fail("at most " + GoroutineDumpReader.MAX_FRAMES + " frames in one stack");
      }
      frames = Arrays.copyOf(frames, depth * 2);
    }
    frames[depth++] = frame;
  }

  private void endSection() throws InputFormatException {
    int stack = checked(builder.stack(frames, depth), "stacks");
    depth = 0;
    if (!inAncestor) {
      record =
          builder.add(
              goroutineId,
              1,
              stack,
              stateId,
              waitMinutes,
              flags,
              creatorFrame,
              creatorGoroutine,
              labelId);
      if (record < 0) {
        throw fail("at most " + DumpBuilder.MAX_RECORDS + " goroutines");
      }
    } else {
      builder.addAncestor(record, ancestorId, stack, ancestorCreator);
    }
  }

  private void endBlock() throws InputFormatException {
    endSection();
    inBlock = false;
  }

  private static int indexOf(byte[] b, int from, int to, String needle) {
    int n = needle.length();
    outer:
    for (int i = from; i + n <= to; i++) {
      for (int k = 0; k < n; k++) {
        if (b[i + k] != needle.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean endsWith(byte[] b, int from, int to, String suffix) {
    int n = suffix.length();
    return to - from >= n && indexOf(b, to - n, to, suffix) == to - n;
  }
}
