package dev.leakhound.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML through Jackson's streaming parser into a {@link ConfigNode} tree that remembers the
 * line of every node and key. Jackson's own tree model drops locations, and a configuration error
 * without its line is half a message.
 *
 * <p>Duplicate keys are reported as problems (YAML forbids them; silently keeping the last one
 * hides mistakes). A syntax error stops reading and is reported with its line.
 *
 * <p>Thread-safe (no state between calls); cost linear in the file.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private YamlTree() {}

  /** The root node (null for an empty file); problems are added to {@code problems}. */
  static ConfigNode read(String yaml, ConfigProblems problems) {
    try (JsonParser p = FACTORY.createParser(new StringReader(yaml))) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      ConfigNode root = node(p, problems, "");
      if (p.nextToken() != null) {
        problems.add(line(p), "", "one YAML document, found a second ('---')");
      }
      return root;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        // SnakeYAML says where and what ("expected ',' or ']', but got StreamEnd") and in which
        // construct ("while parsing a flow sequence"); both help.
        String what = m.getProblem() == null ? "a syntax error" : m.getProblem();
        String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
        problems.add(m.getProblemMark().getLine() + 1, "", "valid YAML: " + what + context);
        return null;
      }
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      problems.add(line, "", "valid YAML: " + firstLine(e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(1, "", "readable YAML: " + e.getMessage());
      return null;
    }
  }

  private static ConfigNode node(JsonParser p, ConfigProblems problems, String path)
      throws IOException {
    int line = line(p);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = line(p);
          p.nextToken();
          String childPath = path.isEmpty() ? key : path + "." + key;
          ConfigNode child = node(p, problems, childPath);
          if (entries.containsKey(key)) {
            problems.add(keyLine, childPath, "each key once, found '" + key + "' again");
          } else {
            entries.put(key, child);
            keyLines.put(key, keyLine);
          }
        }
        return new ConfigNode.MapNode(line, entries, keyLines);
      }
      case START_ARRAY -> {
        List<ConfigNode> items = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(p, problems, path + "[" + i++ + "]"));
        }
        return new ConfigNode.ListNode(line, items);
      }
      case VALUE_STRING -> {
        return new ConfigNode.Scalar(line, p.getText(), ConfigNode.Scalar.Kind.STRING);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new ConfigNode.Scalar(line, p.getText(), ConfigNode.Scalar.Kind.NUMBER);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ConfigNode.Scalar(line, p.getText(), ConfigNode.Scalar.Kind.BOOLEAN);
      }
      case VALUE_NULL -> {
        return new ConfigNode.Scalar(line, "", ConfigNode.Scalar.Kind.NULL);
      }
      default -> {
        problems.add(line, path, "a mapping, a list or a value, found " + t);
        p.skipChildren();
        return new ConfigNode.Scalar(line, "", ConfigNode.Scalar.Kind.NULL);
      }
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "a syntax error";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
