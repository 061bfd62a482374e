package dev.leakhound.formats.pprof;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.pprof.LegacyDraft.DraftFunction;
import dev.leakhound.formats.pprof.LegacyDraft.DraftLine;
import dev.leakhound.formats.pprof.LegacyDraft.DraftLocation;
import dev.leakhound.formats.pprof.LegacyDraft.DraftSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the legacy Java heap profile ({@code --- heapz 1 ---}, {@code format = java}) as
 * google/pprof's {@code parseJavaProfile} does: {@code size count @ addresses} samples un-sampled
 * at pprof's fixed 512 KiB rate, then the {@code 0xADDR function (File.java:line)} symbol section,
 * with addresses dropped afterwards so equal frames merge.
 *
 * <p>Stateless; thread-safe. Cost: linear in the input.
 */
public final class LegacyJavaProfileReader {
  private static final String HEADER = "--- heapz 1 ---";
  private static final long JAVA_HEAPZ_SAMPLING_RATE = 524288;
  // pprof's expressions, made linear for Java's backtracking engine without changing what they
  // find: a match never starts inside a run its first group could have started earlier (Go's
  // leftmost rule picks the earlier start, with the same groups), and no quantifier gives back.
  private static final Pattern ATTRIBUTE = Pattern.compile("(?<![\\w ])([\\w ]++)=([\\w ]++)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "(?:(?<![0-9])(?=[0-9])|(?<! )(?= )) *+(\\d++) ++(\\d++) ++@ ++([ x0-9a-f]*+)");
  private static final Pattern LOCATION = Pattern.compile("^\\s*0x(\\p{XDigit}+)\\s+(.*)\\s*$");

  private LegacyJavaProfileReader() {}

  /** True when {@code firstLine} is the header of a Java heap profile. */
  public static boolean recognizes(String firstLine) {
    return firstLine.strip().equals(HEADER);
  }

  /** Reads {@code length} bytes of {@code data} from {@code offset}. */
  public static Profile read(String source, byte[] data, int offset, int length)
      throws InputFormatException {
    List<String> lines = LegacyText.lines(data, offset, length);
    if (lines.size() < 2 || !recognizes(lines.get(0))) {
      throw InputFormatException.atLine(source, 1, "'" + HEADER + "' and at least one more line");
    }
    LegacyDraft p = new LegacyDraft();
    int i = 1;
    for (; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher a = ATTRIBUTE.matcher(line);
      if (!a.find()) {
        break;
      }
      String attribute = a.group(1).strip();
      String value = a.group(2).strip();
      switch (attribute) {
        case "format" -> {
          if (!value.equals("java")) {
            throw InputFormatException.atLine(source, i + 1, "format = java, not " + value);
          }
        }
        case "resolution" ->
            p.sampleTypes =
                List.of(
                    new ValueType("inuse_objects", "count"), new ValueType("inuse_space", value));
        default ->
            throw InputFormatException.atLine(
                source, i + 1, "a heapz attribute (format or resolution), not " + attribute);
      }
    }
    Map<Long, DraftLocation> locations = new LinkedHashMap<>();
    for (; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.find()) {
        break;
      }
      long[] addresses = LegacyText.hexAddresses(m.group(3));
      if (addresses == null) {
        throw InputFormatException.atLine(source, i + 1, "addresses that fit in 64 bits");
      }
      List<DraftLocation> stack = new ArrayList<>(addresses.length);
      for (long address : addresses) {
        stack.add(locations.computeIfAbsent(address, DraftLocation::new));
      }
      // Java heapz lists size before count: the reverse of the other formats.
      long count = parse(m.group(2), source, i + 1);
      long size = parse(m.group(1), source, i + 1);
      if (count == 0) {
        throw InputFormatException.atLine(source, i + 1, "a nonzero object count in the sample");
      }
      long[] scaled = LegacyText.scaleHeapSample(count, size, JAVA_HEAPZ_SAMPLING_RATE);
      p.samples.add(
          new DraftSample(scaled, stack, List.of(Label.ofNumber("bytes", size / count, ""))));
    }
    if (!p.samples.isEmpty() && p.sampleTypes.isEmpty()) {
      throw InputFormatException.atLine(source, 2, "a 'resolution = ...' attribute");
    }
    p.locations = new ArrayList<>(locations.values());
    symbolize(lines.subList(i, lines.size()), locations);
    p.remapLocationIds();
    p.remapFunctionIds();
    p.remapMappingIds();
    // pprof aggregates away addresses (and columns) so equal frames merge.
    for (DraftLocation l : p.locations) {
      l.address = 0;
    }
    return p.toProfile();
  }

  private static void symbolize(List<String> lines, Map<Long, DraftLocation> locations) {
    Map<String, DraftFunction> functions = new HashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      Matcher m = LOCATION.matcher(line);
      if (line.isEmpty() || !m.find()) {
        continue;
      }
      long address;
      try {
        address = Long.parseUnsignedLong(m.group(1), 16);
      } catch (NumberFormatException e) {
        continue;
      }
      DraftLocation location = locations.get(address);
      if (location == null) {
        continue;
      }
      String text = m.group(2);
      String function;
      String file = "";
      long lineNumber = 0;
      String[] fileLine = fileLine(text);
      String[] path = fileLine == null ? path(text) : null;
      if (fileLine != null) {
        function = fileLine[0];
        file = fileLine[1];
        try {
          long n = Long.parseLong(fileLine[2]);
          lineNumber = n > 0 ? n : 0;
        } catch (NumberFormatException e) {
          lineNumber = 0;
        }
      } else if (path != null) {
        function = path[0];
        file = baseName(path[1]);
      } else if (text.contains("generated stub/JIT")) {
        function = "STUB";
      } else {
        function = text;
      }
      String fileName = file;
      DraftFunction fn =
          functions.computeIfAbsent(function, k -> new DraftFunction(function, fileName));
      location.lines = List.of(new DraftLine(fn, lineNumber));
      location.address = 0;
    }
  }

  /**
   * pprof's {@code ^(.*)\s+\((.+):(-?[[:digit:]]+)\)$} by hand: the text ends with {@code :LINE)};
   * the file runs from the last {@code (} that follows a space and leaves it nonempty.
   */
  private static String[] fileLine(String text) {
    int n = text.length();
    if (n < 6 || text.charAt(n - 1) != ')') {
      return null;
    }
    int digits = n - 1;
    while (digits > 0 && isAsciiDigit(text.charAt(digits - 1))) {
      digits--;
    }
    int numberStart = digits > 0 && text.charAt(digits - 1) == '-' ? digits - 1 : digits;
    if (digits == n - 1 || numberStart == 0 || text.charAt(numberStart - 1) != ':') {
      return null;
    }
    int colon = numberStart - 1;
    for (int open = colon - 2; open >= 1; open--) {
      if (text.charAt(open) == '(' && isGoSpace(text.charAt(open - 1))) {
        return new String[] {
          text.substring(0, open - 1),
          text.substring(open + 1, colon),
          text.substring(numberStart, n - 1)
        };
      }
    }
    return null;
  }

  /** pprof's {@code ^(.*)\s+\((.*)\)$} by hand: the last {@code (} that follows a space. */
  private static String[] path(String text) {
    int n = text.length();
    if (n < 3 || text.charAt(n - 1) != ')') {
      return null;
    }
    for (int open = n - 2; open >= 1; open--) {
      if (text.charAt(open) == '(' && isGoSpace(text.charAt(open - 1))) {
        return new String[] {text.substring(0, open - 1), text.substring(open + 1, n - 1)};
      }
    }
    return null;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Go's {@code \s}: {@code [\t\n\f\r ]}. */
  private static boolean isGoSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /** Go's {@code filepath.Base}. */
  private static String baseName(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash >= 0 && p.length() > 1 ? p.substring(slash + 1) : p;
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)} on digits: a leading zero means octal. */
  private static long parse(String digits, String source, int line) throws InputFormatException {
    try {
      return digits.length() > 1 && digits.charAt(0) == '0'
          ? Long.parseLong(digits.substring(1), 8)
          : Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw InputFormatException.atLine(
          source, line, "a number that fits in 64 bits, not " + digits);
    }
  }
}
