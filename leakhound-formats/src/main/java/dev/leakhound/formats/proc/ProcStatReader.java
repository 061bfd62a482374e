package dev.leakhound.formats.proc;

import dev.leakhound.formats.io.InputFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code /proc/PID/stat}: the pid, the command in parentheses (which may itself contain
 * spaces and parentheses, so the last {@code ')'} ends it), then space-separated fields.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcStatReader {
  private static final int FIELDS_AFTER_COMM = 22;

  private ProcStatReader() {}

  /** Parses {@code data}; {@code source} names it in messages. */
  public static ProcStat read(String source, byte[] data) throws InputFormatException {
    String line = new String(data, StandardCharsets.UTF_8).strip();
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open <= 0 || close < open) {
      throw InputFormatException.atLine(source, 1, "'PID (comm) state ...' of /proc/PID/stat");
    }
    long pid = parseCount(source, line.substring(0, open).strip(), "a pid");
    String comm = line.substring(open + 1, close);
    String[] rest = line.substring(close + 1).strip().split(" +");
    if (rest.length < FIELDS_AFTER_COMM || rest[0].length() != 1) {
      throw InputFormatException.atLine(
          source, 1, "at least " + FIELDS_AFTER_COMM + " fields after the command");
    }
    // Field numbers in proc(5) count from 1 at the pid: state is 3, num_threads 20,
    // starttime 22, rss 24; rest[0] is field 3.
    long threads = parseCount(source, rest[17], "num_threads");
    long start = parseCount(source, rest[19], "starttime");
    long rss = parseCount(source, rest[21], "rss");
    return new ProcStat(pid, comm, rest[0].charAt(0), threads, start, rss);
  }

  static long parseCount(String source, String text, String what) throws InputFormatException {
    if (text.isEmpty() || text.length() > 18) {
      throw InputFormatException.atLine(source, 1, what + " (a non-negative integer)");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw InputFormatException.atLine(
            source, 1, what + " (a non-negative integer), found '" + text + "'");
      }
    }
    return Long.parseLong(text);
  }
}
