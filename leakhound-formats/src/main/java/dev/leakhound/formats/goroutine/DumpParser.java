package dev.leakhound.formats.goroutine;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.LineScanner;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.IOException;

/**
 * What the parsers of the text forms share: the input's lines, the builder they fill, progress and
 * cancellation, and how they fail. Not thread-safe; one per read.
 */
abstract class DumpParser {
  final String source;
  final LineScanner lines;
  final long sizeHint;
  final ProgressListener progress;
  final CancelSignal cancel;
  final DumpBuilder builder = new DumpBuilder();

  DumpParser(
      String source,
      LineScanner lines,
      long sizeHint,
      ProgressListener progress,
      CancelSignal cancel) {
    this.source = source;
    this.lines = lines;
    this.sizeHint = sizeHint;
    this.progress = progress;
    this.cancel = cancel;
  }

  /** Reads the rest of the input, from its current (first non-blank) line. */
  abstract GoroutineDump parse() throws IOException;

  /** {@code id}, or bad data when an interner refused to grow (-1). */
  final int checked(int id, String what) throws InputFormatException {
    if (id < 0) {
      throw fail("fewer distinct " + what + " (the input passes the reader's memory limits)");
    }
    return id;
  }

  /** Bad data on the current line. */
  final InputFormatException fail(String expected) {
    return InputFormatException.atLine(source, lines.lineNumber(), expected);
  }
}
