package dev.leakhound.formats.pprof;

import dev.leakhound.formats.io.InputFormatException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over protobuf wire-format bytes held in one array: varints, tags, length-delimited
 * fields and nested messages (by narrowing the limit), each failure an {@link InputFormatException}
 * naming the byte offset. The decoding rules are protobuf's; the checks are those of google/pprof
 * {@code profile/proto.go} (varints of at most 10 bytes, lengths within the enclosing message, wire
 * types 0, 1, 2 and 5 only).
 *
 * <p>Not thread-safe. Allocates nothing except for strings.
 */
final class ProtoInput {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final String source;
  private final byte[] buf;
  private final int base;
  private int pos;
  private int limit;

  /** The wire type and field number of the last tag read. */
  int wireType;

  int field;

  /** Where the last tag started, for error messages. */
  int tagStart;

  ProtoInput(String source, byte[] buf, int offset, int length) {
    this.source = source;
    this.buf = buf;
    this.base = offset;
    this.pos = offset;
    this.limit = offset + length;
  }

  /** The offset of the cursor from the start of the input. */
  long offset() {
    return pos - base;
  }

  /** The offset of {@code position} (an absolute array position) from the start of the input. */
  long offsetOf(int position) {
    return position - base;
  }

  int position() {
    return pos;
  }

  boolean hasMore() {
    return pos < limit;
  }

  /** Reads the next tag; false at the end of the current message. */
  boolean nextField() throws InputFormatException {
    if (pos >= limit) {
      return false;
    }
    tagStart = pos;
    long tag = readVarint();
    wireType = (int) (tag & 7);
    long number = tag >>> 3;
    if (number == 0 || number > Integer.MAX_VALUE) {
      throw fail(tagStart, "a field number between 1 and 2^29-1, not " + number);
    }
    field = (int) number;
    if (wireType != VARINT
        && wireType != FIXED64
        && wireType != LENGTH_DELIMITED
        && wireType != FIXED32) {
      throw fail(
          tagStart,
          "a supported wire type (0, 1, 2 or 5) for field " + field + ", not " + wireType);
    }
    return true;
  }

  long readVarint() throws InputFormatException {
    int p = pos;
    if (p >= limit) {
      throw fail(p, "a varint (the message ends here)");
    }
    byte b = buf[p++];
    if (b >= 0) {
      pos = p;
      return b;
    }
    long x = b & 0x7f;
    for (int shift = 7; shift < 70; shift += 7) {
      if (p >= limit) {
        throw fail(pos, "a complete varint (the data ends inside it)");
      }
      b = buf[p++];
      x |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        pos = p;
        return x;
      }
    }
    throw fail(pos, "a varint of at most 10 bytes");
  }

  /**
   * Reads the length prefix of a length-delimited field and returns the absolute end position of
   * its payload, checked against the enclosing message.
   */
  int readLengthEnd() throws InputFormatException {
    int at = pos;
    long length = readVarint();
    long remaining = limit - pos;
    if (length < 0 || length > remaining) {
      throw fail(
          at,
          "a length of at most "
              + remaining
              + " bytes (what remains of the enclosing message), not "
              + Long.toUnsignedString(length));
    }
    return pos + (int) length;
  }

  /** Narrows the cursor to a nested message ending at {@code end}; returns the previous limit. */
  int pushLimit(int end) {
    int old = limit;
    limit = end;
    return old;
  }

  void popLimit(int oldLimit) {
    pos = limit;
    limit = oldLimit;
  }

  String readString() throws InputFormatException {
    int end = readLengthEnd();
    String s = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
    pos = end;
    return s;
  }

  /** Requires the last tag's wire type to be {@code expected}, naming the field in the error. */
  void expectWireType(int expected, String fieldName) throws InputFormatException {
    if (wireType != expected) {
      throw fail(
          tagStart,
          "wire type "
              + expected
              + " ("
              + wireTypeName(expected)
              + ") for "
              + fieldName
              + " (field "
              + field
              + "), not wire type "
              + wireType
              + " ("
              + wireTypeName(wireType)
              + ")");
    }
  }

  /** Reads a varint field's value after checking its wire type. */
  long readVarintField(String fieldName) throws InputFormatException {
    expectWireType(VARINT, fieldName);
    return readVarint();
  }

  /** Skips the value of the last tag (an unknown field). */
  void skipField() throws InputFormatException {
    switch (wireType) {
      case VARINT -> readVarint();
      case FIXED64 -> skipBytes(8);
      case FIXED32 -> skipBytes(4);
      default -> pos = readLengthEnd();
    }
  }

  private void skipBytes(int n) throws InputFormatException {
    if (limit - pos < n) {
      throw fail(pos, n + " bytes of a fixed-width field (only " + (limit - pos) + " remain)");
    }
    pos += n;
  }

  InputFormatException fail(int position, String expected) {
    return InputFormatException.atByte(source, offsetOf(position), expected);
  }

  private static String wireTypeName(int type) {
    return switch (type) {
      case VARINT -> "varint";
      case FIXED64 -> "64-bit";
      case LENGTH_DELIMITED -> "length-delimited";
      case FIXED32 -> "32-bit";
      default -> "unsupported";
    };
  }
}
