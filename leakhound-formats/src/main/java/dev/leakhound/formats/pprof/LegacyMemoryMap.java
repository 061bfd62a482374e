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
  private static final String HEX = "(?:0x)?(\\p{XDigit}+)";
  private static final String HEX_RANGE = "\\s*" + HEX + "[\\s-]?\\s*" + HEX + ":?";
  private static final String SPACE_STRING = "(?:\\s+(\\S+))?";
  private static final String SPACE_HEX = "(?:\\s+(\\p{XDigit}+))?";
  private static final String SPACE_AT_OFFSET = "(?:\\s+\\(@(\\p{XDigit}+)\\))?";
  private static final String PERM = "(?:\\s+([-rwxp]+))?";
  private static final Pattern PROC_MAPS =
      Pattern.compile(
          "^"
              + HEX_RANGE
              + PERM
              + SPACE_HEX
              + "\\s+\\p{XDigit}+:\\p{XDigit}+"
              + "\\s+\\d+"
              + SPACE_STRING);
  private static final Pattern BRIEF_MAPS =
      Pattern.compile("^" + HEX_RANGE + PERM + SPACE_STRING + SPACE_AT_OFFSET + SPACE_HEX);
  private static final Pattern LOG_PREFIX = Pattern.compile("^[^\\[\\]]+:[0-9]+]\\s");
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

  private static String removeLoggingInfo(String line) {
    Matcher m = LOG_PREFIX.matcher(line);
    return m.find() ? line.substring(m.end()) : line;
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
