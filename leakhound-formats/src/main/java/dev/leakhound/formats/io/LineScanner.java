package dev.leakhound.formats.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines without making a String per line: the current line is a range of
 * {@link #buffer()} that stays valid until the next call to {@link #next()}. Accepts {@code \n} and
 * {@code \r\n} endings. A line longer than {@link #MAX_LINE} is bad data ({@link
 * InputFormatException}), never a reason to run out of memory; {@link #text(int)} gives a line as a
 * String where one is wanted.
 *
 * <p>Not thread-safe. Holds one buffer (1 MiB, grown up to {@link #MAX_LINE} for a long line).
 */
public final class LineScanner {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  /** The longest line accepted; longer ones are bad data, not a reason to run out of memory. */
  public static final int MAX_LINE = 16 << 20;

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

  public LineScanner(String source, InputStream in) {
    this.source = source;
    this.in = in;
  }

  /** Moves to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    while (true) {
      int i = indexOfNewline(buf, pos, limit);
      if (i >= 0) {
        setLine(pos, i, true);
        pos = i + 1;
        return true;
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

  /**
   * The first {@code \n} in {@code b[from, to)}, or -1: eight bytes at a time (SWAR), since this
   * loop touches every byte of inputs that run to hundreds of MB.
   */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
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

  public byte[] buffer() {
    return buf;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public int length() {
    return end - start;
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Byte offset of the current line's first byte (of the decompressed input). */
  public long lineOffset() {
    return lineOffset;
  }

  /** False only for a last line that the input cut off before its newline. */
  public boolean endedWithNewline() {
    return endedWithNewline;
  }

  /** True when the current line starts with the ASCII {@code prefix}. */
  public boolean startsWith(String prefix) {
    return startsWith(start, prefix);
  }

  public boolean startsWith(int at, String prefix) {
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

  public boolean endsWith(String suffix) {
    int n = suffix.length();
    return end - start >= n && startsWith(end - n, suffix);
  }

  public boolean isBlank() {
    for (int i = start; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The current line as text, cut to {@code max} characters (with "..." when cut). */
  public String text(int max) {
    int n = Math.min(end - start, max);
    String s = new String(buf, start, n, StandardCharsets.UTF_8);
    return n < end - start ? s + "..." : s;
  }
}
