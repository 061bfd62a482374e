package dev.leakhound.formats.hprof;

/**
 * The basic types of HPROF field and array values, with their tag byte and size. {@link #OBJECT}'s
 * size is the dump's identifier size, so {@link #size(int)} takes it.
 *
 * <p>Immutable.
 */
public enum HprofType {
  OBJECT(2, 0, "Object"),
  BOOLEAN(4, 1, "boolean"),
  CHAR(5, 2, "char"),
  FLOAT(6, 4, "float"),
  DOUBLE(7, 8, "double"),
  BYTE(8, 1, "byte"),
  SHORT(9, 2, "short"),
  INT(10, 4, "int"),
  LONG(11, 8, "long");

  private static final HprofType[] BY_TAG = new HprofType[12];

  static {
    for (HprofType t : values()) {
      BY_TAG[t.tag] = t;
    }
  }

  private final int tag;
  private final int fixedSize;
  private final String javaName;

  HprofType(int tag, int fixedSize, String javaName) {
    this.tag = tag;
    this.fixedSize = fixedSize;
    this.javaName = javaName;
  }

  /** The tag byte in the dump. */
  public int tag() {
    return tag;
  }

  /** Bytes one value takes in a dump whose identifiers are {@code idSize} bytes. */
  public int size(int idSize) {
    return this == OBJECT ? idSize : fixedSize;
  }

  /** The Java spelling: {@code int}, {@code byte}, {@code Object}. */
  public String javaName() {
    return javaName;
  }

  /** The type with this tag, or {@code null} when the tag names no type. */
  public static HprofType ofTagOrNull(int tag) {
    return tag >= 0 && tag < BY_TAG.length ? BY_TAG[tag] : null;
  }
}
