package dev.leakhound.formats.jvm;

import dev.leakhound.formats.io.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads text lines with their 1-based numbers, for the line-oriented JVM formats: UTF-8 with
 * malformed bytes replaced (the JVM writes these files in the platform encoding; a stray byte must
 * not stop a whole log), {@code \n} or {@code \r\n} endings, and a length limit per line so a file
 * without newlines cannot exhaust memory.
 *
 * <p>Not thread-safe. Cost: one pass, one buffer of {@link #MAX_LINE_BYTES} at most.
 */
final class LineReader {
  /** Longer lines are not histogram rows or log lines: the input is something else. */
  static final int MAX_LINE_BYTES = 1 << 16;

  private final String source;
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private long lineNumber;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);

  LineReader(String source, InputStream in) {
    this.source = source;
    this.in = in;
  }

  /** The next line without its ending, or null at the end of the input. */
  String next() throws IOException {
    int length = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (length == MAX_LINE_BYTES) {
        throw InputFormatException.atLine(
            source, lineNumber + 1, "a line of at most " + MAX_LINE_BYTES + " bytes");
      }
      if (length == line.length) {
        line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
      }
      line[length++] = b;
    }
    lineNumber++;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decode(length);
  }

  /** The number of the line {@link #next()} returned last (1-based; 0 before the first). */
  long lineNumber() {
    return lineNumber;
  }

  String source() {
    return source;
  }

  private String decode(int length) throws IOException {
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      if (line[i] < 0 || line[i] == 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    for (int i = 0; i < length; i++) {
      if (line[i] == 0) {
        throw InputFormatException.atLine(source, lineNumber, "text (found a NUL byte)");
      }
    }
    CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
    return chars.toString();
  }
}
