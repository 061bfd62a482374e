package dev.leakhound.analysis.heap;

import dev.leakhound.formats.hprof.HprofClassDump;
import dev.leakhound.formats.hprof.HprofReader;
import dev.leakhound.formats.hprof.HprofType;
import dev.leakhound.formats.hprof.HprofVisitor;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A last pass over the dump that reads the few objects a report names (those on paths to GC roots,
 * the suspects and the biggest dominators): their identifiers, their reference field values, so
 * each step of a path can say which field it goes through, and, when asked, the first bytes of
 * primitive arrays and the text of strings.
 *
 * <p>Not thread-safe. Memory proportional to the objects asked for.
 */
final class ObjectDetails {
  private static final int VALUE_BYTES = 80;

  private final HeapGraph g;
  private BitSet wanted;
  private final boolean values;
  private final Map<Integer, Long> idByNode = new HashMap<>();
  private final Map<Integer, long[]> refsByNode = new HashMap<>();
  private final Map<Long, String> textById = new HashMap<>();
  private final Map<Integer, Long> stringValueId = new HashMap<>();

  ObjectDetails(HeapGraph g, BitSet wanted, boolean values) {
    this.g = g;
    this.wanted = wanted;
    this.values = values;
  }

  void read(Path file, ProgressListener progress, CancelSignal cancel) throws IOException {
    try (HprofReader reader = HprofReader.open(file)) {
      reader.read(new Pass(), (s, d, t) -> progress.onProgress("naming paths", d, t), cancel);
    }
    if (values && !stringValueId.isEmpty()) {
      try (HprofReader reader = HprofReader.open(file)) {
        reader.read(
            new StringPass(), (s, d, t) -> progress.onProgress("reading values", d, t), cancel);
      }
    }
    wanted = null; // a bit per object, needed by the passes only
  }

  /** The dump identifier of {@code node}, or 0 when it was not read. */
  long id(int node) {
    if (g.isClassNode(node)) {
      HeapClasses.Slot slot = classSlot(node);
      return slot == null ? 0 : slot.classId;
    }
    Long id = idByNode.get(node);
    return id == null ? 0 : id;
  }

  /** The class name of a node: {@code class X} for the class object of X. */
  String className(int node) {
    if (g.isClassNode(node)) {
      HeapClasses.Slot slot = classSlot(node);
      return "class " + (slot == null ? "?" : slot.name);
    }
    return g.classes.get(g.classOf(node)).name;
  }

  /** A short name for the last element of a path, with the value when asked for. */
  String describe(int node) {
    String name = g.isClassNode(node) ? className(node) : HeapClasses.simpleName(className(node));
    String text = values ? value(node) : null;
    return text == null ? name : name + " " + text;
  }

  /** How {@code from} refers to {@code to}: {@code ArrayList.elementData}, {@code Object[]}. */
  String edge(int from, int to) {
    long target = id(to);
    if (g.isClassNode(from)) {
      HeapClasses.Slot slot = classSlot(from);
      String owner = slot == null ? "?" : HeapClasses.simpleName(slot.name);
      if (slot != null) {
        for (HprofClassDump.StaticField f : slot.dump.staticFields()) {
          if (f.type() == HprofType.OBJECT && f.value() == target && target != 0) {
            String name = g.strings.get(f.nameId());
            return "static " + owner + "." + (name == null ? "?" : name);
          }
        }
      }
      return "class " + owner + " <classloader>";
    }
    HeapClasses.Slot slot = g.classes.get(g.classOf(from));
    long[] refs = refsByNode.get(from);
    if (refs != null) {
      for (int k = 0; k < refs.length; k++) {
        if (refs[k] == target && target != 0) {
          return slot.refNames[k];
        }
      }
    }
    String simple = HeapClasses.simpleName(slot.name);
    return simple;
  }

  private String value(int node) {
    Long valueId = stringValueId.get(node);
    if (valueId != null) {
      String text = textById.get(valueId);
      return text == null ? null : quote(text);
    }
    Long id = idByNode.get(node);
    String text = id == null ? null : textById.get(id);
    return text == null ? null : quote(text);
  }

  private static String quote(String text) {
    String shown = text.length() > VALUE_BYTES ? text.substring(0, VALUE_BYTES) + "..." : text;
    return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private HeapClasses.Slot classSlot(int node) {
    int ordinal = node - g.objectCount;
    for (int s = 0; s < g.classes.size(); s++) {
      if (g.classes.get(s).classNode == ordinal) {
        return g.classes.get(s);
      }
    }
    return null;
  }

  private static String text(HprofType type, ByteBuffer buffer, int position, int available) {
    if (type == HprofType.BYTE) {
      byte[] b = new byte[Math.min(available, VALUE_BYTES * 2)];
      buffer.get(position, b);
      return new String(b, StandardCharsets.ISO_8859_1);
    }
    if (type == HprofType.CHAR) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i + 1 < available && s.length() < VALUE_BYTES * 2; i += 2) {
        s.append(buffer.getChar(position + i));
      }
      return s.toString();
    }
    return null;
  }

  /** Pass 3: identifiers and reference values of the wanted objects. */
  private final class Pass implements HprofVisitor {
    int next;

    @Override
    public void instance(long id, long classId, ByteBuffer buffer, int position, int length) {
      int node = next++;
      if (node >= g.objectCount || !wanted.get(node)) {
        return;
      }
      idByNode.put(node, id);
      HeapClasses.Slot slot = g.classes.get(g.classOf(node));
      long[] refs = new long[slot.refOffsets.length];
      for (int k = 0; k < refs.length; k++) {
        int at = position + slot.refOffsets[k];
        if (slot.refOffsets[k] + g.idSize <= length) {
          refs[k] = g.idSize == 8 ? buffer.getLong(at) : buffer.getInt(at) & 0xffffffffL;
        }
      }
      refsByNode.put(node, refs);
      if (values && "java.lang.String".equals(slot.name)) {
        List<String> names = List.of(slot.refNames);
        int k = names.indexOf("String.value");
        if (k >= 0) {
          stringValueId.put(node, refs[k]);
        }
      }
    }

    @Override
    public void objectArray(
        long id, long classId, int length, ByteBuffer buffer, int position, int first, int count) {
      if (first == 0) {
        next++;
      }
      int node = next - 1;
      if (node >= g.objectCount || !wanted.get(node) || first > 0) {
        return;
      }
      idByNode.put(node, id);
    }

    @Override
    public void primitiveArray(
        long id, HprofType type, int length, ByteBuffer buffer, int position, int available) {
      int node = next++;
      if (node >= g.objectCount || !wanted.get(node)) {
        return;
      }
      idByNode.put(node, id);
      if (values) {
        String text = text(type, buffer, position, available);
        if (text != null) {
          textById.put(id, text);
        }
      }
    }
  }

  /** Pass 4, only with values: the contents of the arrays behind wanted strings. */
  private final class StringPass implements HprofVisitor {
    private final java.util.Set<Long> ids = new java.util.HashSet<>(stringValueId.values());

    @Override
    public void primitiveArray(
        long id, HprofType type, int length, ByteBuffer buffer, int position, int available) {
      if (ids.contains(id)) {
        String text = text(type, buffer, position, available);
        if (text != null) {
          textById.put(id, text);
        }
      }
    }
  }
}
