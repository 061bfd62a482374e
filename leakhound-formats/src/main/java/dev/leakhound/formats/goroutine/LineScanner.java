package dev.leakhound.formats.goroutine;

import dev.leakhound.formats.io.InputFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without making a String per line: the current line is a range of
 * {@link #buffer()} that stays valid until the next call to {@link #next()}. Accepts {@code \n} and
 * {@code \r\n} endings.
 *
 * <p>Not thread-safe. Holds one buffer (1 MiB, grown up to {@link #MAX_LINE} for a long line).
 */
final class LineScanner {
  /** The longest line accepted; longer ones are bad data, not a reason to run out of memory. */
  static final int MAX_LINE = 16 << 20;

  private final String source;
  private final InputStream in;
  private byte[] buf = new byte[1 << 20];
  private int limit;
  private int pos;
  private boolean eof;
  private int start;
  private int end;
  private long lineNumber;
  private long consumed;
  private long lineOffset;
  private boolean endedWithNewline = true;

  LineScanner(String source, InputStream in) {
    this.source = source;
    this.in = in;
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          setLine(pos, i, true);
          pos = i + 1;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          setLine(pos, limit, false);
          pos = limit;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void setLine(int from, int newline, boolean hadNewline) {
    lineOffset = consumed + from;
    start = from;
    end = newline > from && buf[newline - 1] == '\r' && hadNewline ? newline - 1 : newline;
    endedWithNewline = hadNewline;
    lineNumber++;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      consumed += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_LINE) {
        throw InputFormatException.atLine(
            source, lineNumber + 1, "a line shorter than " + (MAX_LINE >> 20) + " MiB");
      }
      byte[] bigger = new byte[Math.min(MAX_LINE, buf.length * 2)];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  byte[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  int length() {
    return end - start;
  }

  /** 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Byte offset of the current line's first byte (of the decompressed input). */
  long lineOffset() {
    return lineOffset;
  }

  /** False only for a last line that the input cut off before its newline. */
  boolean endedWithNewline() {
    return endedWithNewline;
  }

  /** True when the current line starts with the ASCII {@code prefix}. */
  boolean startsWith(String prefix) {
    return startsWith(start, prefix);
  }

  boolean startsWith(int at, String prefix) {
    int n = prefix.length();
    if (end - at < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[at + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  boolean endsWith(String suffix) {
    int n = suffix.length();
    return end - start >= n && startsWith(end - n, suffix);
  }

  boolean isBlank() {
    for (int i = start; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The current line as text, for messages; cut to {@code max} characters. */
  String text(int max) {
    int n = Math.min(end - start, max);
    String s = new String(buf, start, n, java.nio.charset.StandardCharsets.UTF_8);
    return n < end - start ? s + "..." : s;
  }
}
