package dev.leakhound.formats.proc;

import dev.leakhound.formats.io.InputFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code /proc/PID/statm}: one line of seven page counts.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcStatmReader {
  private ProcStatmReader() {}

  /** Parses {@code data}; {@code source} names it in messages. */
  public static ProcStatm read(String source, byte[] data) throws InputFormatException {
    String[] fields = new String(data, StandardCharsets.US_ASCII).strip().split(" +");
    if (fields.length < 7) {
      throw InputFormatException.atLine(
          source, 1, "seven page counts (size resident shared text lib data dt)");
    }
    long[] v = new long[7];
    for (int i = 0; i < 7; i++) {
      v[i] = ProcStatReader.parseCount(source, fields[i], "a page count");
    }
    return new ProcStatm(v[0], v[1], v[2], v[3], v[5]);
  }
}
