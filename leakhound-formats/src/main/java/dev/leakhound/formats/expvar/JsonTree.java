package dev.leakhound.formats.expvar;

import dev.leakhound.formats.io.InputFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) producing plain Java values: {@code Map<String,Object>}
 * (insertion-ordered), {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} and
 * {@link #NULL}. This module depends on nothing, so it cannot use Jackson; expvar documents are
 * small and flat enough that a tree is fine.
 *
 * <p>Nesting is limited to {@value #MAX_DEPTH} levels so hostile input cannot overflow the stack.
 * Thread-safe: state lives in a private instance per call. Cost: one pass; memory proportional to
 * the document.
 */
final class JsonTree {
  /** The JSON {@code null}. */
  static final Object NULL = new Object();

  static final int MAX_DEPTH = 64;

  private final String source;
  private final byte[] data;
  private int pos;
  private int depth;

  private JsonTree(String source, byte[] data) {
    this.source = source;
    this.data = data;
  }

  /** Parses one JSON document filling all of {@code data} (surrounding whitespace allowed). */
  static Object parse(String source, byte[] data) throws InputFormatException {
    JsonTree t = new JsonTree(source, data);
    t.skipWhitespace();
    Object v = t.value();
    t.skipWhitespace();
    if (t.pos != data.length) {
      throw t.fail("the end of the JSON document");
    }
    return v;
  }

  private Object value() throws InputFormatException {
    if (pos >= data.length) {
      throw fail("a JSON value");
    }
    return switch (data[pos]) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", NULL);
      default -> number();
    };
  }

  private Map<String, Object> object() throws InputFormatException {
    enter();
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw fail("a quoted member name");
      }
      String key = string();
      skipWhitespace();
      if (peek() != ':') {
        throw fail("':' after member name \"" + key + "\"");
      }
      pos++;
      skipWhitespace();
      map.put(key, value());
      skipWhitespace();
      int c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return Collections.unmodifiableMap(map);
      }
      if (c != ',') {
        pos--;
        throw fail("',' or '}' in an object");
      }
    }
  }

  private List<Object> array() throws InputFormatException {
    enter();
    pos++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      skipWhitespace();
      list.add(value());
      skipWhitespace();
      int c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return Collections.unmodifiableList(list);
      }
      if (c != ',') {
        pos--;
        throw fail("',' or ']' in an array");
      }
    }
  }

  private void enter() throws InputFormatException {
    if (++depth > MAX_DEPTH) {
      throw fail("at most " + MAX_DEPTH + " levels of nesting");
    }
  }

  private String string() throws InputFormatException {
    pos++;
    StringBuilder sb = new StringBuilder();
    int start = pos;
    while (pos < data.length) {
      byte b = data[pos];
      if (b == '"') {
        sb.append(new String(data, start, pos - start, StandardCharsets.UTF_8));
        pos++;
        return sb.toString();
      }
      if ((b & 0xff) < 0x20) {
        throw fail("no control characters inside a string");
      }
      if (b == '\\') {
        sb.append(new String(data, start, pos - start, StandardCharsets.UTF_8));
        if (pos + 1 >= data.length) {
          throw fail("an escape sequence");
        }
        byte e = data[pos + 1];
        pos += 2;
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> sb.append(unicodeEscape());
          default -> {
            pos -= 2;
            throw fail("a valid escape sequence");
          }
        }
        start = pos;
      } else {
        pos++;
      }
    }
    throw fail("a closing '\"'");
  }

  private char unicodeEscape() throws InputFormatException {
    if (pos + 4 > data.length) {
      throw fail("four hex digits after \\u");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(data[pos + i], 16);
      if (d < 0) {
        throw fail("four hex digits after \\u");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  private Double number() throws InputFormatException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (!digit(peek())) {
      pos = start;
      throw fail("a JSON value (object, array, string, number, true, false or null)");
    }
    if (peek() == '0') {
      pos++;
    } else {
      while (digit(peek())) {
        pos++;
      }
    }
    if (peek() == '.') {
      pos++;
      if (!digit(peek())) {
        throw fail("a digit after the decimal point");
      }
      while (digit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digit(peek())) {
        throw fail("a digit in the exponent");
      }
      while (digit(peek())) {
        pos++;
      }
    }
    return Double.parseDouble(new String(data, start, pos - start, StandardCharsets.US_ASCII));
  }

  private Object literal(String word, Object value) throws InputFormatException {
    byte[] w = word.getBytes(StandardCharsets.US_ASCII);
    if (pos + w.length > data.length) {
      throw fail("'" + word + "'");
    }
    for (int i = 0; i < w.length; i++) {
      if (data[pos + i] != w[i]) {
        throw fail("'" + word + "'");
      }
    }
    pos += w.length;
    return value;
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private int peek() {
    return pos < data.length ? data[pos] : -1;
  }

  private void skipWhitespace() {
    while (pos < data.length
        && (data[pos] == ' ' || data[pos] == '\n' || data[pos] == '\r' || data[pos] == '\t')) {
      pos++;
    }
  }

  private InputFormatException fail(String expected) {
    return InputFormatException.atByte(source, pos, expected);
  }
}
