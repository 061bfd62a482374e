package dev.leakhound.formats.pprof;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protobuf wire bytes by hand, for tests that need exact (and broken) encodings. */
final class ProtoBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ProtoBytes varint(long x) {
    while ((x & ~0x7fL) != 0) {
      out.write((int) ((x & 0x7f) | 0x80));
      x >>>= 7;
    }
    out.write((int) x);
    return this;
  }

  ProtoBytes tag(int field, int wireType) {
    return varint(((long) field << 3) | wireType);
  }

  ProtoBytes uint64(int field, long value) {
    return tag(field, 0).varint(value);
  }

  ProtoBytes bytes(int field, byte[] payload) {
    tag(field, 2).varint(payload.length);
    out.writeBytes(payload);
    return this;
  }

  ProtoBytes message(int field, ProtoBytes nested) {
    return bytes(field, nested.toByteArray());
  }

  ProtoBytes string(int field, String s) {
    return bytes(field, s.getBytes(StandardCharsets.UTF_8));
  }

  ProtoBytes packed(int field, long... values) {
    ProtoBytes payload = new ProtoBytes();
    for (long v : values) {
      payload.varint(v);
    }
    return message(field, payload);
  }

  ProtoBytes raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
