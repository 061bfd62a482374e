package dev.leakhound.formats.proc;

import dev.leakhound.formats.io.InputFormatException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code /proc/PID/status} (proc(5)): {@code Key:\tvalue} lines; values in {@code kB} become
 * bytes. Lines whose value is not a number (masks, lists, states) are skipped; a line without a
 * colon is an error, so a file that is not a status file is reported as such.
 *
 * <p>Stateless and thread-safe; cost linear in the input.
 */
public final class ProcStatusReader {
  private ProcStatusReader() {}

  /** Parses {@code data}; {@code source} names it in messages. */
  public static ProcStatus read(String source, byte[] data) throws InputFormatException {
    String text = new String(data, StandardCharsets.UTF_8);
    Map<String, Long> numbers = new HashMap<>();
    String name = null;
    long pid = -1;
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw InputFormatException.atLine(
            source, lineNo, "a 'Key:<tab>value' line of /proc/PID/status");
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      if (key.equals("Name")) {
        name = value;
        continue;
      }
      Long n = number(value);
      if (n != null) {
        numbers.put(key, n);
      }
    }
    Long p = numbers.get("Pid");
    if (p != null) {
      pid = p;
    }
    if (name == null && pid < 0) {
      throw InputFormatException.atLine(source, 1, "a Name or Pid field of /proc/PID/status");
    }
    return new ProcStatus(name, pid, numbers);
  }

  private static Long number(String value) {
    String digits = value;
    long scale = 1;
    if (value.endsWith(" kB")) {
      digits = value.substring(0, value.length() - 3).strip();
      scale = 1024;
    }
    if (digits.isEmpty() || digits.length() > 18) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(digits) * scale;
  }
}
