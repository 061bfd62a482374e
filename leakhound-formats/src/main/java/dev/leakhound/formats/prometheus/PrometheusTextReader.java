package dev.leakhound.formats.prometheus;

import dev.leakhound.formats.io.InputFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format 0.0.4 and OpenMetrics 1.0 text, as served by {@code
 * /metrics} endpoints (client_golang, client_java, node_exporter...). Samples are grouped into
 * families by the {@code # TYPE} lines and the suffixes each type allows ({@code _bucket}, {@code
 * _sum}, {@code _count}, {@code _total}...); samples of undeclared names form untyped families.
 *
 * <p>Bad input fails with an {@link InputFormatException} naming the line and what was expected
 * there, so an HTML error page, a truncated OpenMetrics body (no {@code # EOF}) or a JSON document
 * is reported for what it is. Exemplars are checked for shape and dropped.
 *
 * <p>Thread-safe: {@link #read} keeps its state in a private instance per call. Cost: one pass over
 * the bytes; allocation proportional to the number of samples.
 */
public final class PrometheusTextReader {
  private static final int MAX_EXCERPT = 40;

  private final String source;
  private final byte[] data;
  private final int end;
  private final ExpositionFormat format;
  private final List<Family> families = new ArrayList<>();
  private final Map<String, Family> declaredByName = new HashMap<>();
  private final Map<String, Family> bySampleName = new HashMap<>();
  private int lineNo;
  private int pos;
  private int lineEnd;

  private PrometheusTextReader(String source, byte[] data, int end, ExpositionFormat format) {
    this.source = source;
    this.data = data;
    this.end = end;
    this.format = format;
  }

  /**
   * Reads {@code data} in {@code format}; a null format is decided from the content (OpenMetrics
   * when the last line is {@code # EOF}). {@code source} names the input in messages.
   */
  public static Exposition read(String source, byte[] data, ExpositionFormat format)
      throws InputFormatException {
    int end = data.length;
    ExpositionFormat effective = format != null ? format : detect(data);
    PrometheusTextReader reader = new PrometheusTextReader(source, data, end, effective);
    return reader.readAll();
  }

  private static ExpositionFormat detect(byte[] data) {
    int e = data.length;
    while (e > 0 && (data[e - 1] == '\n' || data[e - 1] == '\r' || data[e - 1] == ' ')) {
      e--;
    }
    byte[] eof = "# EOF".getBytes(StandardCharsets.US_ASCII);
    if (e < eof.length) {
      return ExpositionFormat.TEXT;
    }
    for (int i = 0; i < eof.length; i++) {
      if (data[e - eof.length + i] != eof[i]) {
        return ExpositionFormat.TEXT;
      }
    }
    return e == eof.length || data[e - eof.length - 1] == '\n'
        ? ExpositionFormat.OPENMETRICS
        : ExpositionFormat.TEXT;
  }

  private Exposition readAll() throws InputFormatException {
    boolean sawEof = false;
    pos = 0;
    while (pos < end) {
      lineNo++;
      lineEnd = pos;
      while (lineEnd < end && data[lineEnd] != '\n') {
        lineEnd++;
      }
      int next = lineEnd + 1;
      if (lineEnd > pos && data[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      if (sawEof) {
        if (lineEnd > pos) {
          throw fail("nothing after '# EOF'");
        }
      } else if (lineEnd == pos || isBlank()) {
        // Blank lines are allowed in text 0.0.4 and harmless in OpenMetrics.
      } else if (data[pos] == '#') {
        sawEof = comment();
      } else {
        sample();
      }
      pos = next;
    }
    if (format == ExpositionFormat.OPENMETRICS && !sawEof) {
      lineNo++;
      throw InputFormatException.atLine(
          source, lineNo, "'# EOF' at the end of an OpenMetrics exposition (truncated body?)");
    }
    List<MetricFamily> out = new ArrayList<>(families.size());
    for (Family f : families) {
      out.add(
          new MetricFamily(
              f.name, f.type, f.help, f.unit, Collections.unmodifiableList(f.samples)));
    }
    return new Exposition(format, out);
  }

  private boolean isBlank() {
    for (int i = pos; i < lineEnd; i++) {
      if (data[i] != ' ' && data[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** A {@code #} line; returns true for {@code # EOF}. */
  private boolean comment() throws InputFormatException {
    pos++;
    skipSpaces();
    String keyword = token();
    switch (keyword) {
      case "EOF" -> {
        skipSpaces();
        if (pos != lineEnd) {
          throw fail("nothing after '# EOF' on its line");
        }
        return true;
      }
      case "HELP" -> {
        String name = requireSpace("a metric name after '# HELP'");
        Family f = declaredByName.get(name);
        if (f == null || !f.samples.isEmpty() || f.hasHelp) {
          f = declare(name);
        }
        f.help = pos < lineEnd ? unescapeHelp() : "";
        f.hasHelp = true;
      }
      case "TYPE" -> {
        String name = requireSpace("a metric name after '# TYPE'");
        String typeWord = word();
        MetricType type = MetricType.parse(typeWord);
        if (type == null) {
          throw fail(
              "a metric type (counter, gauge, histogram, summary, untyped, info, stateset,"
                  + " gaugehistogram)");
        }
        Family f = declaredByName.get(name);
        // client_golang's OpenMetrics output declares go_memstats_alloc_bytes twice (a gauge,
        // then a counter with _total samples): a second declaration starts a second family.
        if (f == null || !f.samples.isEmpty() || f.typed) {
          f = declare(name);
        }
        f.type = type;
        f.typed = true;
        for (String suffix : type.suffixes()) {
          bySampleName.putIfAbsent(f.name + suffix, f);
        }
      }
      case "UNIT" -> {
        String name = requireSpace("a metric name after '# UNIT'");
        Family f = declaredByName.get(name);
        if (f == null || !f.samples.isEmpty()) {
          f = declare(name);
        }
        f.unit = new String(data, pos, lineEnd - pos, StandardCharsets.UTF_8).strip();
      }
      default -> {
        // Any other comment is ignored, as the text format allows.
      }
    }
    return false;
  }

  private String requireSpace(String expected) throws InputFormatException {
    if (pos >= lineEnd || (data[pos] != ' ' && data[pos] != '\t')) {
      throw fail(expected);
    }
    skipSpaces();
    String name = metricName();
    if (name == null) {
      throw fail(expected);
    }
    if (pos < lineEnd) {
      if (data[pos] != ' ' && data[pos] != '\t') {
        throw fail("a space after the metric name");
      }
      skipSpaces();
    }
    return name;
  }

  private Family declare(String name) {
    Family f = new Family(name);
    families.add(f);
    declaredByName.put(name, f);
    bySampleName.put(name, f);
    return f;
  }

  private void sample() throws InputFormatException {
    String name = metricName();
    if (name == null) {
      throw fail("a metric name, '# HELP', '# TYPE' or a comment");
    }
    Map<String, String> labels = Map.of();
    skipSpaces();
    if (pos < lineEnd && data[pos] == '{') {
      labels = labels();
      skipSpaces();
    }
    int valueStart = pos;
    String valueText = token();
    if (valueText.isEmpty()) {
      throw fail("a value after " + name);
    }
    double value = parseValue(valueText, valueStart);
    long timestamp = MetricSample.NO_TIMESTAMP;
    skipSpaces();
    if (pos < lineEnd && data[pos] != '#') {
      int tsStart = pos;
      timestamp = parseTimestamp(token(), tsStart);
      skipSpaces();
    }
    if (pos < lineEnd) {
      if (data[pos] == '#' && format == ExpositionFormat.OPENMETRICS) {
        exemplar();
      } else {
        throw fail("the end of the line after the value and timestamp");
      }
    }
    familyFor(name).samples.add(new MetricSample(name, labels, value, timestamp));
  }

  private Family familyFor(String sampleName) {
    Family f = bySampleName.get(sampleName);
    if (f != null) {
      return f;
    }
    return declare(sampleName);
  }

  private void exemplar() throws InputFormatException {
    pos++;
    skipSpaces();
    if (pos >= lineEnd || data[pos] != '{') {
      throw fail("an exemplar's label set after '#'");
    }
    labels();
    skipSpaces();
    int valueStart = pos;
    String v = token();
    if (v.isEmpty()) {
      throw fail("an exemplar value");
    }
    parseValue(v, valueStart);
    skipSpaces();
    if (pos < lineEnd) {
      int tsStart = pos;
      parseTimestamp(token(), tsStart);
      skipSpaces();
    }
    if (pos < lineEnd) {
      throw fail("the end of the line after the exemplar");
    }
  }

  private Map<String, String> labels() throws InputFormatException {
    pos++; // '{'
    Map<String, String> labels = new LinkedHashMap<>();
    while (true) {
      skipSpaces();
      if (pos >= lineEnd) {
        throw fail("'}' closing the label set");
      }
      if (data[pos] == '}') {
        pos++;
        return Collections.unmodifiableMap(labels);
      }
      String labelName = labelName();
      if (labelName == null) {
        throw fail("a label name or '}'");
      }
      skipSpaces();
      if (pos >= lineEnd || data[pos] != '=') {
        throw fail("'=' after label name " + labelName);
      }
      pos++;
      skipSpaces();
      if (pos >= lineEnd || data[pos] != '"') {
        throw fail("a quoted value for label " + labelName);
      }
      String value = quoted();
      if (labels.put(labelName, value) != null) {
        throw fail("label " + labelName + " once per sample, found it twice");
      }
      skipSpaces();
      if (pos < lineEnd && data[pos] == ',') {
        pos++;
      } else if (pos >= lineEnd || data[pos] != '}') {
        throw fail("',' or '}' after the value of label " + labelName);
      }
    }
  }

  private String quoted() throws InputFormatException {
    pos++; // opening quote
    StringBuilder sb = null;
    int start = pos;
    while (pos < lineEnd) {
      byte b = data[pos];
      if (b == '"') {
        String s =
            sb == null
                ? new String(data, start, pos - start, StandardCharsets.UTF_8)
                : sb.append(new String(data, start, pos - start, StandardCharsets.UTF_8))
                    .toString();
        pos++;
        return s;
      }
      if (b == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(new String(data, start, pos - start, StandardCharsets.UTF_8));
        if (pos + 1 >= lineEnd) {
          throw fail("an escape sequence after '\\'");
        }
        byte e = data[pos + 1];
        switch (e) {
          case '\\' -> sb.append('\\');
          case '"' -> sb.append('"');
          case 'n' -> sb.append('\n');
          default -> throw fail("one of the escapes \\\\, \\\" or \\n in a label value");
        }
        pos += 2;
        start = pos;
      } else {
        pos++;
      }
    }
    throw fail("a closing '\"' for the label value");
  }

  private String unescapeHelp() {
    StringBuilder sb = new StringBuilder();
    int start = pos;
    for (int i = pos; i < lineEnd; i++) {
      // Text 0.0.4 escapes \\ and \n in HELP; OpenMetrics also \".
      boolean quote =
          data[i + 1 < lineEnd ? i + 1 : i] == '"' && format == ExpositionFormat.OPENMETRICS;
      if (data[i] == '\\'
          && i + 1 < lineEnd
          && (data[i + 1] == '\\' || data[i + 1] == 'n' || quote)) {
        sb.append(new String(data, start, i - start, StandardCharsets.UTF_8));
        sb.append(data[i + 1] == 'n' ? '\n' : (char) data[i + 1]);
        i++;
        start = i + 1;
      }
    }
    sb.append(new String(data, start, lineEnd - start, StandardCharsets.UTF_8));
    pos = lineEnd;
    return sb.toString();
  }

  private double parseValue(String text, int at) throws InputFormatException {
    switch (text) {
      case "NaN", "nan", "NAN" -> {
        return Double.NaN;
      }
      case "+Inf", "Inf", "+inf", "inf", "+INF", "INF" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-Inf", "-inf", "-INF" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        // Double.parseDouble also takes "1d", "0x1p3" and "Infinity"; the format does not.
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
            pos = at;
            throw fail("a number (or NaN, +Inf, -Inf)");
          }
        }
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          pos = at;
          throw fail("a number (or NaN, +Inf, -Inf)");
        }
      }
    }
  }

  private long parseTimestamp(String text, int at) throws InputFormatException {
    try {
      if (format == ExpositionFormat.OPENMETRICS) {
        double seconds = parseValue(text, at);
        if (!Double.isFinite(seconds) || Math.abs(seconds) > 9.2e15) {
          pos = at;
          throw fail("a timestamp in seconds");
        }
        return Math.round(seconds * 1000.0);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      pos = at;
      throw fail("a timestamp in milliseconds");
    }
  }

  private String metricName() {
    int start = pos;
    if (pos >= lineEnd || !nameStart(data[pos], true)) {
      return null;
    }
    pos++;
    while (pos < lineEnd && namePart(data[pos], true)) {
      pos++;
    }
    return new String(data, start, pos - start, StandardCharsets.US_ASCII);
  }

  private String labelName() {
    int start = pos;
    if (pos >= lineEnd || !nameStart(data[pos], false)) {
      return null;
    }
    pos++;
    while (pos < lineEnd && namePart(data[pos], false)) {
      pos++;
    }
    return new String(data, start, pos - start, StandardCharsets.US_ASCII);
  }

  private static boolean nameStart(byte b, boolean colon) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || (colon && b == ':');
  }

  private static boolean namePart(byte b, boolean colon) {
    return nameStart(b, colon) || (b >= '0' && b <= '9');
  }

  private String word() {
    int start = pos;
    while (pos < lineEnd && data[pos] != ' ' && data[pos] != '\t') {
      pos++;
    }
    String w = new String(data, start, pos - start, StandardCharsets.UTF_8);
    skipSpaces();
    return w;
  }

  private String token() {
    int start = pos;
    while (pos < lineEnd && data[pos] != ' ' && data[pos] != '\t') {
      pos++;
    }
    return new String(data, start, pos - start, StandardCharsets.UTF_8);
  }

  private void skipSpaces() {
    while (pos < lineEnd && (data[pos] == ' ' || data[pos] == '\t')) {
      pos++;
    }
  }

  private InputFormatException fail(String expected) {
    int lineStart = pos;
    while (lineStart > 0 && data[lineStart - 1] != '\n') {
      lineStart--;
    }
    int from = Math.min(pos, lineEnd);
    String found =
        from >= lineEnd
            ? "the end of the line"
            : "'" + excerpt(new String(data, from, lineEnd - from, StandardCharsets.UTF_8)) + "'";
    return InputFormatException.atLine(
        source,
        lineNo,
        expected
            + " at column "
            + (pos - lineStart + 1)
            + " ("
            + format.name().toLowerCase(java.util.Locale.ROOT)
            + " format), found "
            + found);
  }

  private static String excerpt(String s) {
    String oneLine = s.replace('\t', ' ');
    return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT) + "...";
  }

  /** A family being built. */
  private static final class Family {
    final String name;
    final List<MetricSample> samples = new ArrayList<>();
    MetricType type = MetricType.UNTYPED;
    boolean typed;
    String help = "";
    boolean hasHelp;
    String unit = "";

    Family(String name) {
      this.name = name;
    }
  }
}
