package dev.leakhound.formats.hprof;

import java.nio.ByteBuffer;

/**
 * Receives the records and heap-dump sub-records of an HPROF file as {@link HprofReader} streams
 * over it. Object contents arrive as a window on the reader's buffer ({@code buffer}, absolute
 * {@code position}, big-endian), valid only during the call: copy what you keep. Nothing is
 * allocated per object on this path, so a visitor that allocates nothing keeps the pass at disk
 * speed. Every method has a no-op default; override what you need.
 *
 * <p>Called on the reading thread only.
 */
public interface HprofVisitor {
  /**
   * Whether instance and array contents are wanted (strings always arrive). When false, the reader
   * skips them without loading them (passing {@code null} buffers), which is faster on uncompressed
   * files.
   */
  default boolean wantsContents() {
    return true;
  }

  /** The file header, before any record. */
  default void header(HprofHeader header) {}

  /** A STRING_IN_UTF8 record: {@code length} bytes of modified UTF-8 at {@code position}. */
  default void string(long id, ByteBuffer buffer, int position, int length) {}

  /** A LOAD_CLASS record: the class object {@code classId} is named by string {@code nameId}. */
  default void loadClass(int classSerial, long classId, int stackTraceSerial, long nameId) {}

  /** A GC root sub-record. {@code threadSerial} is 0 when the kind has none. */
  default void gcRoot(HprofRootKind kind, long objectId, int threadSerial) {}

  /** A CLASS_DUMP sub-record. */
  default void classDump(HprofClassDump classDump) {}

  /**
   * An INSTANCE_DUMP sub-record: {@code length} bytes of field values at {@code position}, the
   * class's declared fields first, then its super class's, and so on ({@code buffer} is null when
   * {@link #wantsContents()} is false).
   */
  default void instance(long id, long classId, ByteBuffer buffer, int position, int length) {}

  /**
   * An OBJ_ARRAY_DUMP sub-record, or a slice of one: elements {@code firstIndex} to {@code
   * firstIndex + count - 1} of an array of {@code length}, as identifiers at {@code position}.
   * Small arrays arrive in one call ({@code firstIndex} 0, {@code count == length}); arrays larger
   * than the reader's buffer arrive in several. Without contents, one call with {@code count} 0.
   */
  default void objectArray(
      long id,
      long arrayClassId,
      int length,
      ByteBuffer buffer,
      int position,
      int firstIndex,
      int count) {}

  /**
   * A PRIM_ARRAY_DUMP sub-record of {@code length} elements. The first {@code available} bytes of
   * its content are at {@code position} (all of them unless the array is larger than the reader's
   * buffer; 0 and a null buffer without contents).
   */
  default void primitiveArray(
      long id, HprofType type, int length, ByteBuffer buffer, int position, int available) {}
}
