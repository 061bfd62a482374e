package dev.leakhound.formats.gctrace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the scavenger's trace lines in their Go 1.12 to 1.26 forms. Stateless. */
final class ScavengerLineParser {
  // Go 1.21+: scav 0 KiB work (bg), 0 KiB work (eager), 512 KiB now, 98% util[ (forced)]
  private static final Pattern SCAV_NOW =
      Pattern.compile(
          "scav (\\d{1,15}) KiB work \\(bg\\), (\\d{1,15}) KiB work \\(eager\\), \\d{1,15} KiB now,"
              + " \\d{1,4}% util( \\(forced\\)| \\[controller reset\\])?");
  // Go 1.19, 1.20: scav 0 KiB work, 0 KiB total, 99% util; before 1.19 a generation led.
  private static final Pattern SCAV_TOTAL =
      Pattern.compile(
          "scav (?:\\d{1,10} )?(\\d{1,15}) KiB work, \\d{1,15} KiB total, \\d{1,4}% util"
              + "( \\(forced\\)| \\[controller reset\\])?");
  // Go 1.13 to 1.18: scvg: 1 MB released
  private static final Pattern SCVG_RELEASED = Pattern.compile("scvg: (\\d{1,15}) MB released");
  // Before Go 1.13: scvg0: inuse: 3, idle: 0, sys: 3, released: 0, consumed: 3 (MB)
  private static final Pattern SCVG_SUMMARY =
      Pattern.compile(
          "scvg\\d{0,9}: inuse: \\d{1,15}, idle: \\d{1,15}, sys: \\d{1,15}, released: (\\d{1,15}),"
              + " consumed: \\d{1,15} \\(MB\\)");

  private ScavengerLineParser() {}

  /** The line, or null when it is not a scavenger line. */
  static ScavengerLine parse(String text, long lineNumber) {
    Matcher m = SCAV_NOW.matcher(text);
    if (m.matches()) {
      return new ScavengerLine(Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)), lineNumber);
    }
    m = SCAV_TOTAL.matcher(text);
    if (m.matches()) {
      return new ScavengerLine(Long.parseLong(m.group(1)), lineNumber);
    }
    m = SCVG_RELEASED.matcher(text);
    if (m.matches()) {
      return new ScavengerLine(Long.parseLong(m.group(1)) * 1024, lineNumber);
    }
    m = SCVG_SUMMARY.matcher(text);
    if (m.matches()) {
      return new ScavengerLine(Long.parseLong(m.group(1)) * 1024, lineNumber);
    }
    return null;
  }
}
