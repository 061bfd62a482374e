package dev.leakhound.formats.io;

import java.io.IOException;

/**
 * Input that does not have the shape a reader expects: names the source, the position and what was
 * expected there, so the user can find and fix it. Every reader in this module fails with this
 * exception (never with a runtime exception) on bad data; the command line turns it into exit code
 * 65.
 *
 * <p>Immutable and thread-safe.
 */
public final class InputFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** How a position in the input is counted. */
  public enum Unit {
    BYTE,
    LINE
  }

  private final String source;
  private final Unit unit;
  private final long position;
  private final String expected;

  private InputFormatException(
      String source, Unit unit, long position, String expected, Throwable cause) {
    super(format(source, unit, position, expected), cause);
    this.source = source;
    this.unit = unit;
    this.position = position;
    this.expected = expected;
  }

  /** Bad data at byte {@code offset} (0-based) of {@code source}. */
  public static InputFormatException atByte(String source, long offset, String expected) {
    return new InputFormatException(source, Unit.BYTE, offset, expected, null);
  }

  /** Bad data at byte {@code offset} of {@code source}, caused by a lower-level failure. */
  public static InputFormatException atByte(
      String source, long offset, String expected, Throwable cause) {
    return new InputFormatException(source, Unit.BYTE, offset, expected, cause);
  }

  /** Bad data on line {@code line} (1-based) of {@code source}. */
  public static InputFormatException atLine(String source, long line, String expected) {
    return new InputFormatException(source, Unit.LINE, line, expected, null);
  }

  /** The file name, {@code <stdin>}, or another name the caller gave the input. */
  public String source() {
    return source;
  }

  public Unit unit() {
    return unit;
  }

  /** The byte offset (0-based) or line number (1-based), as {@link #unit()} says. */
  public long position() {
    return position;
  }

  /** What the reader expected to find, in words: {@code "a varint"}, {@code "a gctrace line"}. */
  public String expected() {
    return expected;
  }

  /** The same problem, reported against another source name (used when a file is re-opened). */
  public InputFormatException withSource(String newSource) {
    return new InputFormatException(newSource, unit, position, expected, getCause());
  }

  private static String format(String source, Unit unit, long position, String expected) {
    String where = unit == Unit.BYTE ? "at byte " + position : "on line " + position;
    return source + ": " + where + ": expected " + expected;
  }
}
