package dev.leakhound.formats.hprof;

import java.util.List;

/**
 * One CLASS_DUMP sub-record: a class's super class, loader, instance size, static field values and
 * the layout of its declared instance fields (in the order instance dumps store them, before the
 * super class's fields). Static object values are identifiers; primitive values are their raw bits.
 *
 * <p>Immutable. One is allocated per class (thousands per dump), never per object.
 *
 * @param classId the identifier of the class object
 * @param superClassId the super class's identifier, 0 for {@code java.lang.Object}
 * @param classLoaderId the defining loader's identifier, 0 for the boot loader
 * @param instanceSize the size of instance field data HotSpot reports (no object header)
 * @param staticFields the static fields with their values
 * @param instanceFields the declared instance fields, in dump order
 */
public record HprofClassDump(
    long classId,
    long superClassId,
    long classLoaderId,
    int instanceSize,
    List<StaticField> staticFields,
    List<Field> instanceFields) {
  public HprofClassDump {
    staticFields = List.copyOf(staticFields);
    instanceFields = List.copyOf(instanceFields);
  }

  /** A declared instance field: its name string's identifier and its type. */
  public record Field(long nameId, HprofType type) {}

  /**
   * A static field and its value: an object identifier for {@link HprofType#OBJECT}, otherwise the
   * raw bits of the primitive (sign-extended integers, {@code Float.floatToRawIntBits} etc.).
   */
  public record StaticField(long nameId, HprofType type, long value) {}
}
