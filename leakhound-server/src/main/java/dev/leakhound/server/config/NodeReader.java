package dev.leakhound.server.config;

import dev.leakhound.server.config.ConfigNode.ListNode;
import dev.leakhound.server.config.ConfigNode.MapNode;
import dev.leakhound.server.config.ConfigNode.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads from a {@link ConfigNode} tree that never stop at the first problem: each read
 * returns a value (or the fallback) and adds what was wrong, with its line, to the problems.
 * Strings have {@code ${NAME}} replaced by environment variables.
 *
 * <p>Not thread-safe: one per load.
 */
final class NodeReader {
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  final ConfigProblems problems;
  private final Map<String, String> env;

  NodeReader(ConfigProblems problems, Map<String, String> env) {
    this.problems = problems;
    this.env = env;
  }

  MapNode section(MapNode top, String key, Set<String> keys) {
    ConfigNode n = top.get(key);
    if (n == null) {
      return new MapNode(top.keyLine(key), Map.of(), Map.of());
    }
    if (!(n instanceof MapNode m)) {
      problems.add(n.line(), key, "a mapping, found " + n.describe());
      return new MapNode(n.line(), Map.of(), Map.of());
    }
    checkKeys(m, keys, key);
    return m;
  }

  void checkKeys(MapNode m, Set<String> allowed, String path) {
    for (String key : m.entries().keySet()) {
      if (!allowed.contains(key)) {
        String suggestion = Suggest.closest(key, allowed);
        problems.add(
            m.keyLine(key),
            path.isEmpty() ? key : path + "." + key,
            (suggestion != null
                    ? "'" + suggestion + "' (a known key)"
                    : "one of " + String.join(", ", allowed.stream().sorted().toList()))
                + ", found unknown key '"
                + key
                + "'");
      }
    }
  }

  String required(MapNode m, String key, String path) {
    String v = string(m, key, path, null);
    if (v == null && !(m.get(key) instanceof MapNode) && !(m.get(key) instanceof ListNode)) {
      problems.add(m.line(), join(path, key), "'" + key + "' (it is required)");
    }
    return v;
  }

  String string(MapNode m, String key, String path, String fallback) {
    ConfigNode n = m.get(key);
    if (n == null || n instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
      return fallback;
    }
    if (!(n instanceof Scalar s)) {
      problems.add(n.line(), join(path, key), "a single value, found " + n.describe());
      return null;
    }
    return expand(s.text(), s.line(), join(path, key));
  }

  String expand(String text, int line, String path) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = ENV.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null) {
        problems.add(line, path, "environment variable " + m.group(1) + " to be set");
        value = "";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  Duration duration(MapNode m, String key, String path, Duration fallback) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return fallback;
    }
    Duration d =
        n instanceof Scalar s && s.kind() == Scalar.Kind.STRING
            ? Units.parseDuration(s.text())
            : null;
    if (d == null) {
      problems.add(
          n.line(),
          join(path, key),
          "a duration like 15s, 1m or 2h30m"
              + (n instanceof Scalar s && s.kind() == Scalar.Kind.NUMBER
                  ? " (a number needs a unit)"
                  : "")
              + ", found "
              + n.describe());
      return fallback == null ? Duration.ZERO : fallback;
    }
    return d;
  }

  long bytes(MapNode m, String key, String path, long fallback) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return fallback;
    }
    long v = n instanceof Scalar s ? Units.parseBytes(s.text()) : -1;
    if (v <= 0) {
      problems.add(n.line(), join(path, key), "a size like 16MiB or 1GiB, found " + n.describe());
      return fallback;
    }
    return v;
  }

  double quantity(MapNode m, String key, String path) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return Double.NaN;
    }
    double v = n instanceof Scalar s ? Units.parseQuantity(s.text()) : Double.NaN;
    if (Double.isNaN(v) || v <= 0) {
      problems.add(
          n.line(), join(path, key), "a positive number like 2GiB or 10000, found " + n.describe());
      return Double.NaN;
    }
    return v;
  }

  long count(MapNode m, String key, String path, long fallback, long min, long max) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return fallback;
    }
    try {
      long v = Long.parseLong(((Scalar) n).text());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    problems.add(
        n.line(),
        join(path, key),
        "a whole number from " + min + " to " + max + ", found " + n.describe());
    return fallback;
  }

  Map<String, String> stringMap(MapNode m, String key, String path, boolean labelNames) {
    ConfigNode n = m.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    if (!(n instanceof MapNode map)) {
      problems.add(
          n.line(), join(path, key), "a mapping of names to values, found " + n.describe());
      return out;
    }
    for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
      String p = join(path, key) + "." + e.getKey();
      if (labelNames && !LABEL_NAME.matcher(e.getKey()).matches()) {
        problems.add(map.keyLine(e.getKey()), p, "a label name of letters, digits and '_'");
      }
      if (e.getValue() instanceof Scalar s) {
        out.put(e.getKey(), expand(s.text(), s.line(), p));
      } else {
        problems.add(e.getValue().line(), p, "a single value, found " + e.getValue().describe());
      }
    }
    return out;
  }

  List<String> stringList(MapNode m, String key, String path) {
    ConfigNode n = m.get(key);
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n instanceof Scalar s) {
      out.add(s.text());
      return out;
    }
    if (!(n instanceof ListNode list)) {
      problems.add(n.line(), join(path, key), "a list of names, found " + n.describe());
      return out;
    }
    for (ConfigNode item : list.items()) {
      if (item instanceof Scalar s) {
        out.add(s.text());
      } else {
        problems.add(item.line(), join(path, key), "a name, found " + item.describe());
      }
    }
    return out;
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
