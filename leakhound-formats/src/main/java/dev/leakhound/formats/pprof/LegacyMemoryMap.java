package dev.leakhound.formats.pprof;

import dev.leakhound.formats.pprof.LegacyDraft.DraftMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the memory-map section of legacy profiles ({@code /proc/self/maps} lines and the brief
 * {@code start-end: file} form, with {@code name=value} variables substituted as {@code $name}), as
 * google/pprof's {@code parseProcMapsFromScanner} does. Lines it does not recognize are ignored,
 * never an error; non-executable mappings are skipped.
 *
 * <p>Stateless; thread-safe.
 */
final class LegacyMemoryMap {
  // Hex runs are bounded (an address has at most 16 digits; 32 leaves room for leading zeros) so
  // that Java's backtracking engine stays linear on hostile lines, where Go's RE2 always is.
  private static final String HEX = "(?:0x)?(\\p{XDigit}{1,32})";
  private static final String HEX_RANGE = "\\s*" + HEX + "[\\s-]?\\s*" + HEX + ":?";
  private static final String SPACE_STRING = "(?:\\s+(\\S+))?";
  private static final String SPACE_HEX = "(?:\\s+(\\p{XDigit}{1,32}))?";
  private static final String SPACE_AT_OFFSET = "(?:\\s+\\(@(\\p{XDigit}{1,32})\\))?";
  private static final String PERM = "(?:\\s+([-rwxp]+))?";
  private static final Pattern PROC_MAPS =
      Pattern.compile(
          "^"
              + HEX_RANGE
              + PERM
              + SPACE_HEX
              + "\\s+\\p{XDigit}{1,32}:\\p{XDigit}{1,32}"
              + "\\s+\\d+"
              + SPACE_STRING);
  private static final Pattern BRIEF_MAPS =
      Pattern.compile("^" + HEX_RANGE + PERM + SPACE_STRING + SPACE_AT_OFFSET + SPACE_HEX);
  private static final String[] SENTINELS = {"--- Memory map: ---", "MAPPED_LIBRARIES:"};

  private LegacyMemoryMap() {}

  /** True when {@code line} starts the memory-map section. */
  static boolean isSentinel(String line) {
    for (String s : SENTINELS) {
      if (line.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** The executable mappings described by {@code lines}, in order. */
  static List<DraftMapping> parse(List<String> lines) {
    List<DraftMapping> mappings = new ArrayList<>();
    List<String[]> variables = new ArrayList<>();
    for (String raw : lines) {
      if (raw.length() >= LegacyText.MAX_LINE) {
        break; // pprof's scanner stops at a line this long
      }
      String line = substitute(removeLoggingInfo(raw), variables);
      Matcher m = PROC_MAPS.matcher(line);
      String start;
      String end;
      String perm;
      String offset;
      String file;
      String buildId = "";
      if (m.find()) {
        start = m.group(1);
        end = m.group(2);
        perm = group(m, 3);
        offset = group(m, 4);
        file = group(m, 5);
      } else if ((m = BRIEF_MAPS.matcher(line)).find()) {
        start = m.group(1);
        end = m.group(2);
        perm = group(m, 3);
        file = group(m, 4);
        offset = group(m, 5);
        buildId = group(m, 6);
      } else {
        int eq = line.indexOf('=');
        if (eq >= 0) {
          variables.add(
              new String[] {"$" + line.substring(0, eq).strip(), line.substring(eq + 1).strip()});
        }
        continue;
      }
      if (!perm.isEmpty() && perm.indexOf('x') < 0) {
        continue; // not executable
      }
      DraftMapping mapping = new DraftMapping();
      mapping.file = file;
      mapping.buildId = buildId;
      try {
        mapping.start = Long.parseUnsignedLong(start, 16);
        mapping.limit = Long.parseUnsignedLong(end, 16);
        if (!offset.isEmpty()) {
          mapping.offset = Long.parseUnsignedLong(offset, 16);
        }
      } catch (NumberFormatException e) {
        continue; // pprof treats an unparsable entry as unrecognized, and ignores it
      }
      mappings.add(mapping);
    }
    return mappings;
  }

  private static String group(Matcher m, int group) {
    String s = m.group(group);
    return s == null ? "" : s;
  }

  /**
   * pprof's {@code removeLoggingInfo}: strips a glog prefix {@code ^[^\[\]]+:[0-9]+]\s}, written by
   * hand: the prefix can only end at the line's first bracket, which must be a {@code ]}.
   */
  static String removeLoggingInfo(String line) {
    int bracket = 0;
    while (bracket < line.length() && line.charAt(bracket) != '[' && line.charAt(bracket) != ']') {
      bracket++;
    }
    if (bracket >= line.length() - 1
        || line.charAt(bracket) != ']'
        || !isGoSpace(line.charAt(bracket + 1))) {
      return line;
    }
    int digits = bracket;
    while (digits > 0
        && Character.isDigit(line.charAt(digits - 1))
        && line.charAt(digits - 1) < 128) {
      digits--;
    }
    if (digits == bracket || digits < 2 || line.charAt(digits - 1) != ':') {
      return line;
    }
    return line.substring(bracket + 2);
  }

  /** Go's {@code \s}: {@code [\t\n\f\r ]}. */
  private static boolean isGoSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /** Go's {@code strings.Replacer}: at each position the first variable that matches wins. */
  private static String substitute(String line, List<String[]> variables) {
    if (variables.isEmpty() || line.indexOf('$') < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    scan:
    while (i < line.length()) {
      for (String[] v : variables) {
        if (!v[0].isEmpty() && line.startsWith(v[0], i)) {
          out.append(v[1]);
          i += v[0].length();
          continue scan;
        }
      }
      out.append(line.charAt(i++));
    }
    return out.toString();
  }
}
