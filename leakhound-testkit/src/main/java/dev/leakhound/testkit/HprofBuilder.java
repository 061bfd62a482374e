package dev.leakhound.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes synthetic HPROF heap dumps for tests, the way HotSpot lays them out: a header, the
 * strings, a LOAD_CLASS per class, a STACK_TRACE, then the heap as one HEAP_DUMP record (version
 * 1.0.1) or as HEAP_DUMP_SEGMENTs closed by HEAP_DUMP_END (1.0.2), with 4- or 8-byte identifiers.
 * Class names are given in Java spelling ({@code java.util.ArrayList}, {@code [Ljava.lang.Object;})
 * and written with slashes, as HotSpot does.
 *
 * <p>Sub-records are written in the order the methods are called; class dumps are written when
 * {@link #build()} runs, so static fields may be added after the class is defined. Instance field
 * values are given in dump order: the class's declared fields first, then its super class's.
 *
 * <p>Not thread-safe. Modelled on LeakCanary shark's {@code HprofWriterHelper}.
 */
public final class HprofBuilder {
  /** HPROF basic types with their tags. */
  public enum Type {
    OBJECT(2, 0),
    BOOLEAN(4, 1),
    CHAR(5, 2),
    FLOAT(6, 4),
    DOUBLE(7, 8),
    BYTE(8, 1),
    SHORT(9, 2),
    INT(10, 4),
    LONG(11, 8);

    final int tag;
    final int size;

    Type(int tag, int size) {
      this.tag = tag;
      this.size = size;
    }
  }

  /** GC root sub-record kinds with their tags and the bytes that follow the object id. */
  public enum Root {
    UNKNOWN(0xff, 0),
    JNI_GLOBAL(0x01, -1),
    JNI_LOCAL(0x02, 8),
    JAVA_FRAME(0x03, 8),
    NATIVE_STACK(0x04, 4),
    STICKY_CLASS(0x05, 0),
    THREAD_BLOCK(0x06, 4),
    MONITOR_USED(0x07, 0),
    THREAD_OBJECT(0x08, 8);

    final int tag;
    final int extra;

    Root(int tag, int extra) {
      this.tag = tag;
      this.extra = extra;
    }
  }

  /** An instance field declaration. */
  public record Field(String name, Type type) {}

  private final int idSize;
  private String version = "1.0.2";
  private int segmentBytes = 1 << 20;
  private long nextId = 0x1000;
  private final Map<String, Long> strings = new LinkedHashMap<>();
  private final List<Object> subRecords = new ArrayList<>();
  private final Map<Long, ClassDef> classes = new LinkedHashMap<>();

  private HprofBuilder(int idSize) {
    if (idSize != 4 && idSize != 8) {
      throw new IllegalArgumentException("idSize must be 4 or 8");
    }
    this.idSize = idSize;
  }

  /** A builder of dumps with {@code idSize}-byte identifiers, version 1.0.2, segmented. */
  public static HprofBuilder create(int idSize) {
    return new HprofBuilder(idSize);
  }

  /** Writes version 1.0.1 with one unsegmented HEAP_DUMP record. */
  public HprofBuilder unsegmented() {
    this.version = "1.0.1";
    this.segmentBytes = 0;
    return this;
  }

  /** Starts a new HEAP_DUMP_SEGMENT once a segment holds this many bytes (default 1 MiB). */
  public HprofBuilder segmentBytes(int bytes) {
    this.segmentBytes = bytes;
    return this;
  }

  /** Overrides the version string written in the header (e.g. {@code 1.0.3}). */
  public HprofBuilder version(String version) {
    this.version = version;
    return this;
  }

  /** A fresh object identifier, 8-byte aligned like a heap address. */
  public long newId() {
    long id = nextId;
    nextId += 16;
    return id;
  }

  /** Defines a class with a new id, no static fields and the boot loader. */
  public long defineClass(String name, long superClassId, Field... fields) {
    long id = newId();
    defineClass(id, name, superClassId, fields);
    return id;
  }

  /** Defines a class with a chosen id. */
  public void defineClass(long classId, String name, long superClassId, Field... fields) {
    ClassDef def = new ClassDef(classId, name, superClassId, List.of(fields));
    classes.put(classId, def);
    string(name.replace('.', '/'));
    for (Field f : fields) {
      string(f.name());
    }
    subRecords.add(def);
  }

  /** Adds a static field to a class defined earlier. */
  public HprofBuilder staticField(long classId, String name, Type type, long value) {
    ClassDef def = classes.get(classId);
    if (def == null) {
      throw new IllegalArgumentException("no class " + classId);
    }
    string(name);
    def.statics.add(new StaticValue(name, type, value));
    return this;
  }

  /** An instance with a new id; {@code values} follow the dump order of the class's fields. */
  public long instance(long classId, long... values) {
    long id = newId();
    instanceWithId(id, classId, values);
    return id;
  }

  /** An instance with a chosen id. */
  public void instanceWithId(long id, long classId, long... values) {
    List<Field> layout = layout(classId);
    if (layout.size() != values.length) {
      throw new IllegalArgumentException(
          "class " + classes.get(classId).name + " has " + layout.size() + " fields");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(bytes);
    try {
      for (int i = 0; i < values.length; i++) {
        writeValue(data, layout.get(i).type(), values[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    subRecords.add(new Instance(id, classId, bytes.toByteArray()));
  }

  /** An object array of class {@code arrayClassId} (e.g. {@code [Ljava.lang.Object;}). */
  public long objectArray(long arrayClassId, long... elements) {
    long id = newId();
    subRecords.add(new ObjectArray(id, arrayClassId, elements.clone()));
    return id;
  }

  /** A primitive array of {@code length} zeroed elements. */
  public long primitiveArray(Type type, int length) {
    return primitiveArray(type, new byte[length * type.size]);
  }

  /** A primitive array whose raw big-endian content is {@code content}. */
  public long primitiveArray(Type type, byte[] content) {
    if (type == Type.OBJECT || content.length % type.size != 0) {
      throw new IllegalArgumentException("bad primitive array");
    }
    long id = newId();
    subRecords.add(new PrimitiveArray(id, type, content.clone()));
    return id;
  }

  /** Marks {@code objectId} as a GC root of {@code kind}. */
  public HprofBuilder root(Root kind, long objectId) {
    subRecords.add(new RootRecord(kind, objectId));
    return this;
  }

  /** The identifier of a string record holding {@code text}, written once. */
  public long string(String text) {
    return strings.computeIfAbsent(text, t -> newId());
  }

  /** Writes the dump. */
  public byte[] build() {
    try {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(file);
      out.write(("JAVA PROFILE " + version).getBytes(StandardCharsets.US_ASCII));
      out.write(0);
      out.writeInt(idSize);
      out.writeLong(1_700_000_000_000L);
      for (Map.Entry<String, Long> s : List.copyOf(strings.entrySet())) {
        byte[] utf = s.getKey().getBytes(StandardCharsets.UTF_8);
        record(out, 0x01, idSize + utf.length);
        writeId(out, s.getValue());
        out.write(utf);
      }
      int serial = 1;
      for (ClassDef c : classes.values()) {
        record(out, 0x02, 8 + 2 * idSize);
        out.writeInt(serial++);
        writeId(out, c.id);
        out.writeInt(1);
        writeId(out, strings.get(c.name.replace('.', '/')));
      }
      record(out, 0x05, 12);
      out.writeInt(1);
      out.writeInt(0);
      out.writeInt(0);
      ByteArrayOutputStream segment = new ByteArrayOutputStream();
      DataOutputStream seg = new DataOutputStream(segment);
      for (Object r : subRecords) {
        writeSubRecord(seg, r);
        if (segmentBytes > 0 && segment.size() >= segmentBytes) {
          flushSegment(out, segment, 0x1c);
        }
      }
      if (segmentBytes > 0) {
        if (segment.size() > 0) {
          flushSegment(out, segment, 0x1c);
        }
        record(out, 0x2c, 0);
      } else {
        flushSegment(out, segment, 0x0c);
      }
      return file.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void flushSegment(DataOutputStream out, ByteArrayOutputStream segment, int tag)
      throws IOException {
    record(out, tag, segment.size());
    segment.writeTo(out);
    segment.reset();
  }

  private void writeSubRecord(DataOutputStream out, Object r) throws IOException {
    switch (r) {
      case ClassDef c -> {
        out.writeByte(0x20);
        writeId(out, c.id);
        out.writeInt(1);
        writeId(out, c.superId);
        for (int i = 0; i < 5; i++) {
          writeId(out, 0);
        }
        out.writeInt(layout(c.id).stream().mapToInt(f -> size(f.type())).sum());
        out.writeShort(0);
        out.writeShort(c.statics.size());
        for (StaticValue s : c.statics) {
          writeId(out, strings.get(s.name));
          out.writeByte(s.type.tag);
          writeValue(out, s.type, s.value);
        }
        out.writeShort(c.fields.size());
        for (Field f : c.fields) {
          writeId(out, strings.get(f.name()));
          out.writeByte(f.type().tag);
        }
      }
      case Instance i -> {
        out.writeByte(0x21);
        writeId(out, i.id);
        out.writeInt(1);
        writeId(out, i.classId);
        out.writeInt(i.fields.length);
        out.write(i.fields);
      }
      case ObjectArray a -> {
        out.writeByte(0x22);
        writeId(out, a.id);
        out.writeInt(1);
        out.writeInt(a.elements.length);
        writeId(out, a.classId);
        for (long e : a.elements) {
          writeId(out, e);
        }
      }
      case PrimitiveArray a -> {
        out.writeByte(0x23);
        writeId(out, a.id);
        out.writeInt(1);
        out.writeInt(a.content.length / a.type.size);
        out.writeByte(a.type.tag);
        out.write(a.content);
      }
      case RootRecord root -> {
        out.writeByte(root.kind.tag);
        writeId(out, root.id);
        if (root.kind.extra < 0) {
          writeId(out, 0);
        } else if (root.kind.extra > 0) {
          out.writeInt(1);
          if (root.kind.extra == 8) {
            out.writeInt(0);
          }
        }
      }
      default -> throw new IllegalStateException(r.toString());
    }
  }

  /** The fields of {@code classId} in dump order: declared first, then the super classes'. */
  private List<Field> layout(long classId) {
    List<Field> all = new ArrayList<>();
    for (ClassDef c = classes.get(classId); c != null; c = classes.get(c.superId)) {
      all.addAll(c.fields);
    }
    return all;
  }

  private int size(Type type) {
    return type == Type.OBJECT ? idSize : type.size;
  }

  private void writeValue(DataOutputStream out, Type type, long value) throws IOException {
    switch (type) {
      case OBJECT -> writeId(out, value);
      case BOOLEAN, BYTE -> out.writeByte((int) value);
      case CHAR, SHORT -> out.writeShort((int) value);
      case INT, FLOAT -> out.writeInt((int) value);
      case LONG, DOUBLE -> out.writeLong(value);
    }
  }

  private void writeId(DataOutputStream out, long id) throws IOException {
    if (idSize == 8) {
      out.writeLong(id);
    } else {
      out.writeInt((int) id);
    }
  }

  private static void record(DataOutputStream out, int tag, int length) throws IOException {
    out.writeByte(tag);
    out.writeInt(0);
    out.writeInt(length);
  }

  private static final class ClassDef {
    final long id;
    final String name;
    final long superId;
    final List<Field> fields;
    final List<StaticValue> statics = new ArrayList<>();

    ClassDef(long id, String name, long superId, List<Field> fields) {
      this.id = id;
      this.name = name;
      this.superId = superId;
      this.fields = fields;
    }
  }

  private record StaticValue(String name, Type type, long value) {}

  private record Instance(long id, long classId, byte[] fields) {}

  private record ObjectArray(long id, long classId, long[] elements) {}

  private record PrimitiveArray(long id, Type type, byte[] content) {}

  private record RootRecord(Root kind, long id) {}
}
