package dev.leakhound.formats.pprof;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes a {@link Profile} as profile.proto, by hand, the way google/pprof's {@code encode.go}
 * does: the same field order, a string table built in the same order (entry 0 empty), repeated
 * scalars packed when they have more than two values, zero scalars omitted. Reading the bytes back
 * with {@link ProfileProtoReader} gives an equal profile, and {@code go tool pprof} reads them.
 *
 * <p>Stateless; thread-safe. Cost: one pass over the model; the encoded bytes are held in memory
 * (about the size of the uncompressed file) before they are written.
 */
public final class ProfileProtoWriter {
  private ProfileProtoWriter() {}

  /** The uncompressed encoding of {@code profile}. */
  public static byte[] toBytes(Profile profile) {
    return encode(profile).toByteArray();
  }

  /** Writes {@code profile} gzipped, as pprof and the Go runtime write profiles. */
  public static void writeGzipped(Profile profile, OutputStream out) throws IOException {
    ProtoOutput encoded = encode(profile);
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    encoded.writeTo(gzip);
    gzip.finish();
    gzip.flush();
  }

  /** Writes {@code profile} uncompressed. */
  public static void writeUncompressed(Profile profile, OutputStream out) throws IOException {
    encode(profile).writeTo(out);
    out.flush();
  }

  private static ProtoOutput encode(Profile p) {
    StringTable strings = new StringTable();
    ProtoOutput o = new ProtoOutput();
    for (ValueType t : p.sampleTypes()) {
      valueType(o, 1, t, strings);
    }
    samples(o, p, strings);
    for (Mapping m : p.mappings()) {
      int start = o.begin();
      o.uint64Opt(1, m.id());
      o.uint64Opt(2, m.memoryStart());
      o.uint64Opt(3, m.memoryLimit());
      o.uint64Opt(4, m.fileOffset());
      o.uint64Opt(5, strings.index(m.filename()));
      o.uint64Opt(6, strings.index(m.buildId()));
      o.boolOpt(7, m.hasFunctions());
      o.boolOpt(8, m.hasFilenames());
      o.boolOpt(9, m.hasLineNumbers());
      o.boolOpt(10, m.hasInlineFrames());
      o.end(3, start);
    }
    for (Location l : p.locations()) {
      int start = o.begin();
      o.uint64Opt(1, l.id());
      o.uint64Opt(2, l.mappingId());
      o.uint64Opt(3, l.address());
      for (Line line : l.lines()) {
        int lineStart = o.begin();
        o.uint64Opt(1, line.functionId());
        o.uint64Opt(2, line.line());
        o.uint64Opt(3, line.column());
        o.end(4, lineStart);
      }
      o.boolOpt(5, l.isFolded());
      o.end(4, start);
    }
    for (Function f : p.functions()) {
      int start = o.begin();
      o.uint64Opt(1, f.id());
      o.uint64Opt(2, strings.index(f.name()));
      o.uint64Opt(3, strings.index(f.systemName()));
      o.uint64Opt(4, strings.index(f.filename()));
      o.uint64Opt(5, f.startLine());
      o.end(5, start);
    }
    // The header strings are interned before the table is written, as pprof's preEncode does.
    long drop = strings.index(p.dropFrames());
    long keep = strings.index(p.keepFrames());
    long periodType = strings.index(p.periodType().type());
    long periodUnit = strings.index(p.periodType().unit());
    List<String> comments = p.comments();
    long[] commentIndexes = new long[comments.size()];
    for (int i = 0; i < commentIndexes.length; i++) {
      commentIndexes[i] = strings.index(comments.get(i));
    }
    long defaultType = strings.index(p.defaultSampleType());
    long docUrl = strings.index(p.docUrl());
    for (String s : strings.inOrder()) {
      o.string(6, s);
    }
    o.uint64Opt(7, drop);
    o.uint64Opt(8, keep);
    o.uint64Opt(9, p.timeNanos());
    o.uint64Opt(10, p.durationNanos());
    if (periodType != 0 || periodUnit != 0) {
      int start = o.begin();
      o.uint64Opt(1, periodType);
      o.uint64Opt(2, periodUnit);
      o.end(11, start);
    }
    o.uint64Opt(12, p.period());
    o.repeated(13, commentIndexes, 0, commentIndexes.length);
    o.uint64(14, defaultType);
    o.uint64Opt(15, docUrl);
    return o;
  }

  private static void samples(ProtoOutput o, Profile p, StringTable strings) {
    int types = p.sampleTypes().size();
    long[] locationIds = p.locations().stream().mapToLong(Location::id).toArray();
    long[] ids = new long[16];
    long[] values = new long[types];
    for (int s = 0; s < p.sampleCount(); s++) {
      int start = o.begin();
      int depth = p.stackDepth(s);
      if (ids.length < depth) {
        ids = new long[Math.max(depth, ids.length * 2)];
      }
      for (int d = 0; d < depth; d++) {
        ids[d] = locationIds[p.stackLocation(s, d)];
      }
      o.repeated(1, ids, 0, depth);
      for (int t = 0; t < types; t++) {
        values[t] = p.value(s, t);
      }
      o.repeated(2, values, 0, types);
      for (int k = 0, n = p.labelCount(s); k < n; k++) {
        Label label = p.label(s, k);
        int labelStart = o.begin();
        o.uint64Opt(1, strings.index(label.key()));
        if (label.isString()) {
          o.uint64Opt(2, strings.index(label.str()));
        } else {
          o.uint64Opt(3, label.num());
          o.uint64Opt(4, strings.index(label.numUnit()));
        }
        o.end(3, labelStart);
      }
      o.end(2, start);
    }
  }

  private static void valueType(ProtoOutput o, int field, ValueType t, StringTable strings) {
    int start = o.begin();
    o.uint64Opt(1, strings.index(t.type()));
    o.uint64Opt(2, strings.index(t.unit()));
    o.end(field, start);
  }

  /** Interns strings in first-use order; entry 0 is the empty string. */
  private static final class StringTable {
    private final Map<String, Integer> indexByString = new HashMap<>();
    private final java.util.ArrayList<String> strings = new java.util.ArrayList<>();

    StringTable() {
      index("");
    }

    long index(String s) {
      Integer i = indexByString.get(s);
      if (i == null) {
        i = strings.size();
        indexByString.put(s, i);
        strings.add(s);
      }
      return i;
    }

    List<String> inOrder() {
      return strings;
    }
  }
}
