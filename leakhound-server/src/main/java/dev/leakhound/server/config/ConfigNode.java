package dev.leakhound.server.config;

import java.util.List;
import java.util.Map;

/**
 * A node of the configuration file with the line it starts on, so every problem found while
 * validating can name its line. Built by {@link YamlTree}.
 *
 * <p>Immutable.
 */
public sealed interface ConfigNode {
  /** The 1-based line the node starts on. */
  int line();

  /** What the node is, in words, for messages: "a mapping", "a list", "'15 seconds'". */
  String describe();

  /** A mapping; keys in file order, each with the line of its key. */
  record MapNode(int line, Map<String, ConfigNode> entries, Map<String, Integer> keyLines)
      implements ConfigNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
      keyLines = Map.copyOf(keyLines);
    }

    @Override
    public String describe() {
      return "a mapping";
    }

    public ConfigNode get(String key) {
      return entries.get(key);
    }

    public int keyLine(String key) {
      return keyLines.getOrDefault(key, line);
    }
  }

  /** A sequence. */
  record ListNode(int line, List<ConfigNode> items) implements ConfigNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar as written; {@code quoted} is true for strings and false for numbers, booleans and
   * null (so {@code interval: 15} can be told apart from {@code interval: "15s"}).
   */
  record Scalar(int line, String text, Kind kind) implements ConfigNode {
    /** What YAML made of the scalar. */
    public enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    @Override
    public String describe() {
      return kind == Kind.NULL ? "nothing" : "'" + text + "'";
    }
  }
}
