package dev.leakhound.formats.goroutine;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.LineScanner;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the count form ({@code ?debug=1}) of the goroutine and goroutineleak profiles, as {@code
 * runtime/pprof.printCountProfile} writes it through a tabwriter (so fields are separated by runs
 * of tabs):
 *
 * <pre>
 * goroutine profile: total 6
 * 2 @ 0x43a4b6 0x4068ac 0x4a1e05 0x46c8e1
 * # labels: {"handler":"cart"}
 * #	0x4a1e04	main.leak.func1+0x24	/tmp/x/main.go:12
 * </pre>
 *
 * The runtime frames on top of a blocked stack are hidden in this form, so the state is inferred
 * from the top frame where the standard library names it ({@code sync.(*Mutex).Lock}, {@code
 * time.Sleep}, ...), else {@link GoroutineDump#UNKNOWN_STATE}. Not thread-safe.
 */
final class CountProfileParser extends DumpParser {
  private int[] frames = new int[64];
  private String topFunction;

  CountProfileParser(
      String source,
      LineScanner lines,
      long sizeHint,
      ProgressListener progress,
      CancelSignal cancel) {
    super(source, lines, sizeHint, progress, cancel);
  }

  @Override
  GoroutineDump parse() throws IOException {
    byte[] b = lines.buffer();
    String header = new String(b, lines.start(), lines.length(), StandardCharsets.UTF_8);
    int marker = header.indexOf(" profile: total ");
    String name = marker < 0 ? header : header.substring(0, marker);
    DumpKind kind =
        switch (name) {
          case "goroutine" -> DumpKind.COUNTS;
          case "goroutineleak" -> DumpKind.LEAK_COUNTS;
          default ->
              throw fail(
                  "a goroutine or goroutineleak profile (found a '" + lines.text(40) + "' header)");
        };
    long declared = marker < 0 ? -1 : parseCount(header.substring(marker + 16));
    if (declared < 0) {
      throw fail("'" + name + " profile: total N' with N a count");
    }
    long sum = 0;
    int unknown = builder.state(GoroutineDump.UNKNOWN_STATE);
    while (lines.next()) {
      if (lines.isBlank()) {
        continue;
      }
      b = lines.buffer();
      int at = -1;
      for (int i = lines.start(); i + 1 < lines.end(); i++) {
        if (b[i] == ' ' && b[i + 1] == '@') {
          at = i;
          break;
        }
      }
      long count = at > 0 ? GoroutineDumpReader.parseDecimal(b, lines.start(), at) : -1;
      if (count < 1 || count > Integer.MAX_VALUE) {
        throw fail("a record 'COUNT @ 0x... 0x...' (found '" + lines.text(60) + "')");
      }
      int labelId = -1;
      int depth = 0;
      topFunction = null;
      while (lines.next() && !lines.isBlank()) {
        b = lines.buffer();
        if (lines.startsWith("# labels: ")) {
          if (depth > 0 || labelId >= 0) {
            throw fail("'# labels:' only right after the record line");
          }
          labelId = checked(builder.labels(b, lines.start() + 10, lines.end()), "label sets");
        } else if (lines.startsWith("#\t")) {
          if (depth == frames.length) {
            if (depth >= GoroutineDumpReader.MAX_FRAMES) {
              throw fail("at most " + GoroutineDumpReader.MAX_FRAMES + " frames in one stack");
            }
            frames = Arrays.copyOf(frames, depth * 2);
          }
          frames[depth] = frameOf(b, lines.start() + 2, lines.end(), depth == 0);
          depth++;
        } else {
          throw fail(
              "a frame line '#\\t0x...\\tfunction+0x..\\tfile:line' (found '"
                  + lines.text(60)
                  + "')");
        }
      }
      int stack = checked(builder.stack(frames, depth), "stacks");
      String inferred = topFunction == null ? null : GoroutineDumpReader.inferState(topFunction);
      int state = inferred == null ? unknown : builder.state(inferred);
      if (builder.add(-1, (int) count, stack, state, 0, 0, -1, -1, labelId) < 0) {
        throw fail("at most " + DumpBuilder.MAX_RECORDS + " records");
      }
      sum += count;
      progress.onProgress("reading goroutine profile", lines.lineOffset(), sizeHint);
      cancel.throwIfCancelled();
    }
    if (sum != declared) {
      throw fail(
          "records adding up to the header's total "
              + declared
              + " (they add up to "
              + sum
              + "; is the file cut short?)");
    }
    return builder.build(source, kind, declared, false, 0);
  }

  private static long parseCount(String digits) {
    byte[] b = digits.getBytes(StandardCharsets.US_ASCII);
    return GoroutineDumpReader.parseDecimal(b, 0, b.length);
  }

  /** {@code 0x4a1e04\tmain.f+0x24\t\t/x/main.go:12}, or a bare {@code 0x4a1e04}. */
  private int frameOf(byte[] b, int from, int to, boolean top) throws InputFormatException {
    int i = from;
    while (i < to && b[i] != '\t') {
      i++;
    }
    if (i - from < 3 || b[from] != '0' || b[from + 1] != 'x') {
      throw fail("a program counter '0x...' after '#\\t' (found '" + lines.text(60) + "')");
    }
    int pcTo = i;
    while (i < to && b[i] == '\t') {
      i++;
    }
    if (i == to) {
      // An address the runtime could not symbolize: keep it, so such stacks stay apart.
      int function = builder.function(b, from, pcTo);
      return checked(builder.frame(function, builder.position(b, from, from)), "frames");
    }
    int nameFrom = i;
    while (i < to && b[i] != '\t') {
      i++;
    }
    int nameTo = i;
    for (int k = nameTo - 1; k > nameFrom; k--) {
      if (b[k] == '+') {
        nameTo = k;
        break;
      }
    }
    while (i < to && b[i] == '\t') {
      i++;
    }
    if (i == to || !GoroutineDumpReader.hasLineNumber(b, i, to)) {
      throw fail(
          "a frame line '#\\t0x...\\tfunction+0x..\\tfile:line' (found '" + lines.text(60) + "')");
    }
    if (top) {
      topFunction = new String(b, nameFrom, nameTo - nameFrom, StandardCharsets.UTF_8);
    }
    int function = checked(builder.function(b, nameFrom, nameTo), "function names");
    int position = checked(builder.position(b, i, to), "positions");
    return checked(builder.frame(function, position), "frames");
  }
}
