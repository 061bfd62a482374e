package dev.leakhound.formats.pprof;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds protobuf wire-format bytes in one growable array. A nested message is written in place and
 * its tag and length are inserted in front of it when it ends (the approach of google/pprof {@code
 * profile/proto.go}), so no size pre-pass is needed; each message is moved once.
 *
 * <p>Not thread-safe.
 */
final class ProtoOutput {
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private final byte[] header = new byte[20];

  int size() {
    return pos;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  void writeTo(java.io.OutputStream out) throws java.io.IOException {
    out.write(buf, 0, pos);
  }

  private void ensure(int extra) {
    if (pos + extra > buf.length) {
      long wanted = Math.max((long) buf.length * 2, (long) pos + extra);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("an encoded profile cannot exceed 2 GB");
      }
      buf = Arrays.copyOf(buf, (int) wanted);
    }
  }

  void varint(long x) {
    ensure(10);
    while ((x & ~0x7fL) != 0) {
      buf[pos++] = (byte) ((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    buf[pos++] = (byte) x;
  }

  void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  /** A varint field, always written. */
  void uint64(int field, long value) {
    tag(field, ProtoInput.VARINT);
    varint(value);
  }

  /** A varint field, omitted when zero (proto3 default). */
  void uint64Opt(int field, long value) {
    if (value != 0) {
      uint64(field, value);
    }
  }

  void boolOpt(int field, boolean value) {
    if (value) {
      uint64(field, 1);
    }
  }

  /** A repeated varint field: packed when it has more than two values, as pprof writes it. */
  void repeated(int field, long[] values, int from, int to) {
    if (to - from > 2) {
      int start = begin();
      for (int i = from; i < to; i++) {
        varint(values[i]);
      }
      end(field, start);
      return;
    }
    for (int i = from; i < to; i++) {
      uint64(field, values[i]);
    }
  }

  void string(int field, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    tag(field, ProtoInput.LENGTH_DELIMITED);
    varint(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  /** Starts a nested message (or packed field); returns the mark to pass to {@link #end}. */
  int begin() {
    return pos;
  }

  /** Ends a nested message begun at {@code start}: inserts its tag and length in front. */
  void end(int field, int start) {
    int length = pos - start;
    int h = 0;
    long tag = ((long) field << 3) | ProtoInput.LENGTH_DELIMITED;
    h = putVarint(header, h, tag);
    h = putVarint(header, h, length);
    ensure(h);
    System.arraycopy(buf, start, buf, start + h, length);
    System.arraycopy(header, 0, buf, start, h);
    pos += h;
  }

  private static int putVarint(byte[] into, int at, long x) {
    while ((x & ~0x7fL) != 0) {
      into[at++] = (byte) ((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    into[at++] = (byte) x;
    return at;
  }
}
