package dev.leakhound.formats.gctrace;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.Inputs;
import dev.leakhound.formats.io.LineScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code GODEBUG=gctrace=1} lines out of a program's log (its standard error, usually
 * mixed with the program's own output), Go 1.19 to 1.26: {@code gc} lines with or without the Go
 * 1.18+ {@code MB stacks, MB globals} fields, {@code (forced)} and Go 1.26's {@code (checking for
 * goroutine leaks)}; the scavenger's {@code scav} and {@code scvg} lines; {@code GC forced}. A line
 * may carry a prefix that ends in a space or tab (a timestamp added by a log collector).
 *
 * <p>How other output is treated:
 *
 * <ul>
 *   <li>Lines that do not start like a gctrace line are skipped and counted.
 *   <li>A line that starts like one ({@code gc N @}) must parse to the end. The runtime writes a gc
 *       line in several pieces, so the program's output can land in the middle of one: such a line
 *       is <em>interleaved</em>, skipped and counted, when one of the next {@value #LOOKAHEAD}
 *       lines carries the rest ({@code ... N P}, possibly with {@code (forced)}) without starting a
 *       gc line itself. Text after a complete gc line ({@code ... 4 Pfoo}) is interleaved output
 *       too: the cycle is kept and the line counted.
 *   <li>Any other broken gc line is bad data: {@link InputFormatException} with its line number and
 *       the shape expected. Only a last line cut off by the end of the input (no newline) is
 *       forgiven, as truncated.
 * </ul>
 *
 * <p>Streams the input line by line; single-threaded; a reader may be reused.
 */
public final class GcTraceReader {
  /** How many lines after a broken gc line its rest may appear. */
  static final int LOOKAHEAD = 3;

  /** Reads a file, or standard input for {@code -}; gzip is detected by its magic bytes. */
  public GcTrace read(String pathOrDash) throws IOException {
    try (InputStream in = Inputs.open(pathOrDash)) {
      return read(Inputs.displayName(pathOrDash), in);
    }
  }

  public GcTrace read(String source, InputStream in) throws IOException {
    LineScanner lines = new LineScanner(source, in);
    List<GcCycle> cycles = new ArrayList<>();
    List<ScavengerLine> scavenger = new ArrayList<>();
    long periodic = 0;
    long other = 0;
    long interleaved = 0;
    long truncated = 0;
    boolean afterPeriodic = false;
    // A broken gc line waiting for its rest to show up on one of the next lines.
    long brokenLine = -1;
    String brokenExpected = null;
    int lookahead = 0;
    while (lines.next()) {
      int gc = tokenAt(lines, "gc ");
      if (gc >= 0 && isDigit(lines, gc + 3)) {
        if (brokenLine >= 0) {
          throw InputFormatException.atLine(source, brokenLine, brokenExpected);
        }
        String text = lines.text(LineScanner.MAX_LINE).substring(gc - lines.start());
        GcLineParser parser = new GcLineParser(text);
        GcCycle cycle = parser.parse(afterPeriodic, lines.lineNumber());
        if (cycle != null) {
          cycles.add(cycle);
          afterPeriodic = false;
          interleaved += parser.trailing() ? 1 : 0;
        } else if (!lines.endedWithNewline()) {
          truncated++;
        } else {
          brokenLine = lines.lineNumber();
          brokenExpected = parser.expected();
          lookahead = LOOKAHEAD;
        }
        continue;
      }
      if (brokenLine >= 0) {
        if (endsLikeGcLine(lines)) {
          interleaved++;
          other++;
          brokenLine = -1;
          continue;
        }
        if (--lookahead == 0) {
          throw InputFormatException.atLine(source, brokenLine, brokenExpected);
        }
      }
      int scav = Math.max(tokenAt(lines, "scav "), tokenAt(lines, "scvg"));
      if (scav >= 0) {
        ScavengerLine line =
            ScavengerLineParser.parse(
                lines.text(4096).substring(scav - lines.start()), lines.lineNumber());
        if (line != null) {
          scavenger.add(line);
          continue;
        }
      }
      int forced = tokenAt(lines, "GC forced");
      if (forced >= 0 && lines.end() - forced == 9) {
        periodic++;
        afterPeriodic = true;
        continue;
      }
      other++;
    }
    if (brokenLine >= 0) {
      throw InputFormatException.atLine(source, brokenLine, brokenExpected);
    }
    return new GcTrace(source, cycles, scavenger, periodic, other, interleaved, truncated);
  }

  /**
   * Where {@code token} starts on the line when it starts the line or follows a space or tab (a log
   * prefix), else -1. Looks at the first occurrence only.
   */
  private static int tokenAt(LineScanner lines, String token) {
    byte[] b = lines.buffer();
    int last = lines.end() - token.length();
    for (int i = lines.start(); i <= last; i++) {
      if (b[i] == token.charAt(0)
          && lines.startsWith(i, token)
          && (i == lines.start() || b[i - 1] == ' ' || b[i - 1] == '\t')) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDigit(LineScanner lines, int at) {
    return at < lines.end() && Character.isDigit(lines.buffer()[at]);
  }

  /** The end of a gc line: {@code N P} or {@code N P (forced)}. */
  private static boolean endsLikeGcLine(LineScanner lines) {
    byte[] b = lines.buffer();
    int end = lines.end();
    if (lines.endsWith(" (forced)")) {
      end -= 9;
    }
    if (end - lines.start() < 3 || b[end - 1] != 'P' || b[end - 2] != ' ') {
      return false;
    }
    return Character.isDigit(b[end - 3]);
  }
}
