package dev.leakhound.analysis.heap;

import dev.leakhound.formats.hprof.HprofClassDump;
import dev.leakhound.formats.hprof.HprofType;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of a dump, numbered densely: every class identifier an object or record names gets a
 * slot, and primitive arrays get one slot per element type ({@code byte[]}, ...). Holds what the
 * analyses need per class: the name in Java spelling, the CLASS_DUMP (fields and statics), and the
 * offsets of reference fields within an instance's data.
 *
 * <p>Not thread-safe. A few hundred bytes per class.
 */
final class HeapClasses {
  /** One class. */
  static final class Slot {
    final long classId;
    long nameId;
    String name;
    HprofClassDump dump;
    int classNode = -1;

    /** Offsets of reference fields in instance data, Reference.referent left out. */
    int[] refOffsets = new int[0];

    /** The field name of each offset in {@link #refOffsets}, as {@code Declarer.field}. */
    String[] refNames = new String[0];

    Slot(long classId) {
      this.classId = classId;
    }
  }

  private final LongIntMap slotById = new LongIntMap(1 << 12);
  private final List<Slot> slots = new ArrayList<>();
  private final int[] primitiveSlots = filled(HprofType.values().length);

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  int slot(long classId) {
    int s = slotById.get(classId);
    if (s < 0) {
      s = slots.size();
      slots.add(new Slot(classId));
      slotById.put(classId, s);
    }
    return s;
  }

  /**
   * The slot of a primitive array type, keyed apart from real class identifiers. Cached by type:
   * asked once per primitive array in each pass.
   */
  int primitiveArraySlot(HprofType type) {
    int s = primitiveSlots[type.ordinal()];
    if (s < 0) {
      long key = Long.MIN_VALUE + type.tag();
      s = slotById.get(key);
      if (s < 0) {
        s = slot(key);
        slots.get(s).name = type.javaName() + "[]";
      }
      primitiveSlots[type.ordinal()] = s;
    }
    return s;
  }

  /** The slot of {@code classId} when one exists, else -1. */
  int find(long classId) {
    return slotById.get(classId);
  }

  Slot get(int slot) {
    return slots.get(slot);
  }

  int size() {
    return slots.size();
  }

  /** Names every slot and lays out its reference fields; called once all classes are known. */
  void resolve(StringPool strings, int idSize) {
    for (Slot s : slots) {
      if (s.name == null) {
        String raw = strings.get(s.nameId);
        s.name = raw == null ? "class@0x" + Long.toHexString(s.classId) : javaName(raw);
      }
    }
    for (Slot s : slots) {
      if (s.dump != null) {
        layout(s, strings, idSize);
      }
    }
  }

  private void layout(Slot s, StringPool strings, int idSize) {
    List<Integer> offsets = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int offset = 0;
    int guard = 0;
    for (Slot c = s; c != null && c.dump != null && guard++ < 1000; c = superOf(c)) {
      boolean reference = c.name.equals("java.lang.ref.Reference");
      for (HprofClassDump.Field f : c.dump.instanceFields()) {
        if (f.type() == HprofType.OBJECT) {
          String field = strings.get(f.nameId());
          if (!(reference && "referent".equals(field))) {
            offsets.add(offset);
            names.add(simpleName(c.name) + "." + (field == null ? "?" : field));
          }
        }
        offset += f.type().size(idSize);
      }
    }
    s.refOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
    s.refNames = names.toArray(String[]::new);
  }

  private Slot superOf(Slot c) {
    int s = slotById.get(c.dump.superClassId());
    return c.dump.superClassId() == 0 || s < 0 ? null : slots.get(s);
  }

  /**
   * {@code java/util/ArrayList} to {@code java.util.ArrayList}, {@code [Ljava/lang/Object;} to
   * {@code java.lang.Object[]}, {@code [[I} to {@code int[][]}.
   */
  static String javaName(String raw) {
    int dims = 0;
    while (dims < raw.length() && raw.charAt(dims) == '[') {
      dims++;
    }
    String base = raw.substring(dims);
    if (dims > 0) {
      base =
          switch (base) {
            case "Z" -> "boolean";
            case "C" -> "char";
            case "F" -> "float";
            case "D" -> "double";
            case "B" -> "byte";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            default ->
                base.startsWith("L") && base.endsWith(";")
                    ? base.substring(1, base.length() - 1)
                    : base;
          };
    }
    return base.replace('/', '.') + "[]".repeat(dims);
  }

  /** The class name without its package: {@code java.util.ArrayList} to {@code ArrayList}. */
  static String simpleName(String name) {
    int dot = name.lastIndexOf('.', name.endsWith("[]") ? name.indexOf('[') : name.length());
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
