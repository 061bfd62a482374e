package dev.leakhound.formats.pprof;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Profile} exactly as google/pprof's {@code Profile.String()} does: the debugging
 * text pprof's own tests compare against ({@code profile/testdata/*.string}). Used to check the
 * readers against pprof's expected parses, and handy to eyeball a profile.
 *
 * <p>Stateless; thread-safe. Cost: linear in the profile; the text is built in memory.
 */
public final class ProfileDebugText {
  private static final String LINE_INDENT = "             ";
  private static final String LABEL_INDENT = "                ";

  private ProfileDebugText() {}

  /** The text of {@code p}, ending with a newline. */
  public static String render(Profile p) {
    List<String> ss = new ArrayList<>();
    for (String c : p.comments()) {
      ss.add("Comment: " + c);
    }
    if (!p.docUrl().isEmpty()) {
      ss.add("Doc: " + p.docUrl());
    }
    ss.add("PeriodType: " + p.periodType().type() + " " + p.periodType().unit());
    ss.add("Period: " + p.period());
    if (p.timeNanos() != 0) {
      ss.add("Time: " + goTime(p.timeNanos()));
    }
    if (p.durationNanos() != 0) {
      String d = GoDurations.format(p.durationNanos());
      ss.add("Duration: " + d.substring(0, Math.min(4, d.codePointCount(0, d.length()))));
    }
    ss.add("Samples:");
    StringBuilder types = new StringBuilder();
    for (ValueType t : p.sampleTypes()) {
      types.append(t.type()).append('/').append(t.unit());
      if (t.type().equals(p.defaultSampleType())) {
        types.append("[dflt]");
      }
      types.append(' ');
    }
    ss.add(types.toString().strip());
    for (int s = 0; s < p.sampleCount(); s++) {
      sample(p, s, ss);
    }
    ss.add("Locations");
    for (Location l : p.locations()) {
      location(p, l, ss);
    }
    ss.add("Mappings");
    for (Mapping m : p.mappings()) {
      ss.add(mapping(m));
    }
    return String.join("\n", ss) + "\n";
  }

  private static void sample(Profile p, int s, List<String> ss) {
    StringBuilder sv = new StringBuilder();
    for (int t = 0; t < p.sampleTypes().size(); t++) {
      sv.append(String.format(Locale.ROOT, " %10d", p.value(s, t)));
    }
    sv.append(": ");
    for (int d = 0; d < p.stackDepth(s); d++) {
      sv.append(Long.toUnsignedString(p.locations().get(p.stackLocation(s, d)).id())).append(' ');
    }
    ss.add(sv.toString());
    Map<String, List<String>> strings = new LinkedHashMap<>();
    Map<String, List<Label>> numbers = new LinkedHashMap<>();
    for (Label label : p.labels(s)) {
      if (label.isString()) {
        strings.computeIfAbsent(label.key(), k -> new ArrayList<>()).add(label.str());
      } else {
        numbers.computeIfAbsent(label.key(), k -> new ArrayList<>()).add(label);
      }
    }
    if (!strings.isEmpty()) {
      List<String> ls = new ArrayList<>();
      strings.forEach((k, v) -> ls.add(k + ":[" + String.join(" ", v) + "]"));
      ss.add(LABEL_INDENT + sortedJoin(ls));
    }
    if (!numbers.isEmpty()) {
      List<String> ls = new ArrayList<>();
      numbers.forEach(
          (k, v) -> {
            // pprof keeps units only when one of the key's values has one.
            boolean units = v.stream().anyMatch(l -> !l.numUnit().isEmpty());
            List<String> values = new ArrayList<>();
            for (Label l : v) {
              values.add(units ? l.num() + " " + l.numUnit() : Long.toString(l.num()));
            }
            ls.add(k + ":[" + String.join(" ", values) + "]");
          });
      ss.add(LABEL_INDENT + sortedJoin(ls));
    }
  }

  private static String sortedJoin(List<String> items) {
    items.sort(null);
    return String.join(" ", items);
  }

  private static void location(Profile p, Location l, List<String> ss) {
    String locStr =
        String.format(Locale.ROOT, "%6s: %s ", Long.toUnsignedString(l.id()), hex(l.address()));
    Mapping m = p.mappingOf(l);
    if (m != null) {
      locStr += "M=" + Long.toUnsignedString(m.id()) + " ";
    }
    if (l.isFolded()) {
      locStr += "[F] ";
    }
    if (l.lines().isEmpty()) {
      ss.add(locStr);
    }
    for (Line line : l.lines()) {
      Function fn = p.functionOf(line);
      String lnStr =
          fn.name()
              + " "
              + fn.filename()
              + ":"
              + line.line()
              + ":"
              + line.column()
              + " s="
              + fn.startLine();
      if (!fn.name().equals(fn.systemName())) {
        lnStr += "(" + fn.systemName() + ")";
      }
      ss.add(locStr + lnStr);
      locStr = LINE_INDENT;
    }
  }

  private static String mapping(Mapping m) {
    StringBuilder bits = new StringBuilder();
    if (m.hasFunctions()) {
      bits.append("[FN]");
    }
    if (m.hasFilenames()) {
      bits.append("[FL]");
    }
    if (m.hasLineNumbers()) {
      bits.append("[LN]");
    }
    if (m.hasInlineFrames()) {
      bits.append("[IN]");
    }
    return Long.toUnsignedString(m.id())
        + ": "
        + hex(m.memoryStart())
        + "/"
        + hex(m.memoryLimit())
        + "/"
        + hex(m.fileOffset())
        + " "
        + m.filename()
        + " "
        + m.buildId()
        + " "
        + bits;
  }

  /** Go's {@code %#x}. */
  private static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** Go's {@code time.Time.String()} in the local zone. */
  private static String goTime(long nanos) {
    Instant t =
        Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    var local = t.atZone(ZoneId.systemDefault());
    String base = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(local);
    int frac = local.getNano();
    String fraction =
        frac == 0 ? "" : "." + String.format(Locale.ROOT, "%09d", frac).replaceAll("0+$", "");
    return base
        + fraction
        + " "
        + DateTimeFormatter.ofPattern("xx").format(local)
        + " "
        + DateTimeFormatter.ofPattern("zzz").format(local);
  }
}
