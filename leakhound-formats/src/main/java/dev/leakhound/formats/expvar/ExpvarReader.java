package dev.leakhound.formats.expvar;

import dev.leakhound.formats.io.InputFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON a Go service serves at {@code /debug/vars}: an object of variables, among them
 * {@code memstats} (runtime.MemStats) and {@code cmdline}. Arrays inside memstats ({@code PauseNs},
 * {@code BySize}) are skipped; nested numeric variables are flattened with dots, up to {@value
 * #MAX_FLATTEN_DEPTH} levels.
 *
 * <p>Fails with an {@link InputFormatException} (the byte offset and what was expected) when the
 * input is not JSON or not an object, so an HTML error page is reported for what it is.
 * Thread-safe; cost linear in the input.
 */
public final class ExpvarReader {
  private static final int MAX_FLATTEN_DEPTH = 4;

  private ExpvarReader() {}

  /** Parses {@code data}; {@code source} names it in messages. */
  public static ExpvarSnapshot read(String source, byte[] data) throws InputFormatException {
    int first = 0;
    while (first < data.length && Character.isWhitespace(data[first])) {
      first++;
    }
    if (first >= data.length || data[first] != '{') {
      throw InputFormatException.atByte(
          source, first, "a JSON object (expvar /debug/vars), found " + describe(data, first));
    }
    Object root = JsonTree.parse(source, data);
    @SuppressWarnings("unchecked")
    Map<String, Object> top = (Map<String, Object>) root;
    Map<String, Double> memstats = new HashMap<>();
    Map<String, Double> vars = new HashMap<>();
    String cmdline = "";
    for (Map.Entry<String, Object> e : top.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.equals("memstats") && value instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> f : m.entrySet()) {
          if (f.getValue() instanceof Double d) {
            memstats.put((String) f.getKey(), d);
          } else if (f.getValue() instanceof Boolean b) {
            memstats.put((String) f.getKey(), b ? 1.0 : 0.0);
          }
        }
      } else if (key.equals("cmdline") && value instanceof List<?> parts) {
        List<String> words = new ArrayList<>();
        for (Object p : parts) {
          if (p instanceof String s) {
            words.add(s);
          }
        }
        cmdline = String.join(" ", words);
      } else {
        flatten(key, value, vars, 0);
      }
    }
    return new ExpvarSnapshot(memstats, vars, cmdline);
  }

  private static void flatten(String name, Object value, Map<String, Double> out, int depth) {
    if (value instanceof Double d) {
      out.put(name, d);
    } else if (value instanceof Map<?, ?> m && depth < MAX_FLATTEN_DEPTH) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(name + "." + e.getKey(), e.getValue(), out, depth + 1);
      }
    }
  }

  private static String describe(byte[] data, int at) {
    if (at >= data.length) {
      return "an empty body";
    }
    int end = Math.min(data.length, at + 20);
    String s = new String(data, at, end - at, java.nio.charset.StandardCharsets.UTF_8);
    return "'" + s.replaceAll("\\s+", " ") + (end < data.length ? "...'" : "'");
  }
}
