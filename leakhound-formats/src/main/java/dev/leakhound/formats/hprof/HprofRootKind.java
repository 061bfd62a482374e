package dev.leakhound.formats.hprof;

/**
 * The kinds of GC roots an HPROF heap dump names, with their sub-record tags (HotSpot's and the
 * Android extensions).
 *
 * <p>Immutable.
 */
public enum HprofRootKind {
  UNKNOWN(0xff, "unknown"),
  JNI_GLOBAL(0x01, "JNI global"),
  JNI_LOCAL(0x02, "JNI local"),
  JAVA_FRAME(0x03, "Java frame"),
  NATIVE_STACK(0x04, "native stack"),
  STICKY_CLASS(0x05, "system class"),
  THREAD_BLOCK(0x06, "thread block"),
  MONITOR_USED(0x07, "busy monitor"),
  THREAD_OBJECT(0x08, "thread"),
  INTERNED_STRING(0x89, "interned string"),
  FINALIZING(0x8a, "finalizing"),
  DEBUGGER(0x8b, "debugger"),
  REFERENCE_CLEANUP(0x8c, "reference cleanup"),
  VM_INTERNAL(0x8d, "VM internal"),
  JNI_MONITOR(0x8e, "JNI monitor"),
  UNREACHABLE(0x90, "unreachable");

  private final int tag;
  private final String label;

  HprofRootKind(int tag, String label) {
    this.tag = tag;
    this.label = label;
  }

  /** The sub-record tag in the dump. */
  public int tag() {
    return tag;
  }

  /** How a developer names this kind of root: {@code thread}, {@code JNI global}. */
  public String label() {
    return label;
  }
}
