package dev.leakhound.server.watch;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.GoroutineGrowth;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link LeakReport} from the verdicts and the diagnosis: picks the worst verdict, the
 * named pattern (a goroutine pattern when goroutines pile up, else what the heap diff shows), the
 * shortest time to a limit, and says it all in one paragraph.
 *
 * <p>Stateless and thread-safe.
 */
final class ReportWriter {
  /** How many culprits and groups a report lists. */
  static final int TOP = 10;

  private ReportWriter() {}

  static LeakReport write(
      TargetRuntime rt,
      List<SignalVerdict> verdicts,
      Diagnoser.Findings findings,
      long id,
      String openedAt,
      String now) {
    List<SignalVerdict> growing = verdicts.stream().filter(SignalVerdict::growing).toList();
    String verdict =
        growing.stream().anyMatch(v -> v.verdict().equals(SignalVerdict.LEAK))
            ? SignalVerdict.LEAK
            : SignalVerdict.SUSPECT;
    List<Culprit> culprits =
        findings.heap() == null
            ? List.of()
            : findings.heap().culprits().stream().limit(TOP).toList();
    List<GoroutineGrowth> groups =
        findings.goroutines() == null
            ? List.of()
            : findings.goroutines().groups().stream().limit(TOP).toList();
    LeakPattern pattern = pattern(growing, findings);
    String remedy =
        findings.goroutines() != null
                && findings.goroutines().pattern() == pattern
                && findings.goroutines().remedy() != null
            ? findings.goroutines().remedy()
            : pattern.remedy();
    Double ttl = null;
    for (SignalVerdict v : growing) {
      if (v.timeToLimitSeconds() != null && (ttl == null || v.timeToLimitSeconds() < ttl)) {
        ttl = v.timeToLimitSeconds();
      }
    }
    String summary = summary(rt.name(), verdict, growing, culprits, groups, pattern, ttl);
    return new LeakReport(
        id,
        rt.name(),
        verdict,
        openedAt,
        null,
        culprits,
        groups,
        pattern.id(),
        summary,
        LeakReport.OPEN,
        "",
        pattern.description(),
        remedy,
        ttl,
        verdicts,
        findings.profiles(),
        rt.lifetime(),
        now,
        findings.notes());
  }

  private static LeakPattern pattern(List<SignalVerdict> growing, Diagnoser.Findings f) {
    boolean goroutinesGrow =
        growing.stream().anyMatch(v -> v.signal().equals(Signal.GOROUTINES.id()));
    boolean heapGrows = growing.stream().anyMatch(v -> v.signal().equals(Signal.HEAP_FLOOR.id()));
    LeakPattern fromGoroutines = f.goroutines() == null ? null : f.goroutines().pattern();
    LeakPattern fromHeap = f.heap() == null ? null : f.heap().pattern();
    if (fromGoroutines != null && (goroutinesGrow || fromHeap == null)) {
      return fromGoroutines;
    }
    if (fromHeap != null) {
      return fromHeap;
    }
    // The heap grows, allocation sites are known, and no goroutines pile up holding it: the
    // objects accumulate in something long-lived, a map or collection that is never pruned.
    boolean noGoroutineGrowth = f.goroutines() == null || f.goroutines().groups().isEmpty();
    if (heapGrows
        && !goroutinesGrow
        && noGoroutineGrowth
        && f.heap() != null
        && !f.heap().culprits().isEmpty()) {
      return LeakPattern.UNBOUNDED_MAP;
    }
    return LeakPattern.UNKNOWN;
  }

  static String summary(
      String target,
      String verdict,
      List<SignalVerdict> growing,
      List<Culprit> culprits,
      List<GoroutineGrowth> groups,
      LeakPattern pattern,
      Double ttl) {
    StringBuilder sb = new StringBuilder();
    sb.append(target)
        .append(verdict.equals(SignalVerdict.LEAK) ? " is leaking: " : " may be leaking: ");
    List<String> parts = new ArrayList<>();
    for (SignalVerdict v : growing) {
      parts.add(describe(v));
    }
    sb.append(String.join("; ", parts)).append('.');
    if (!culprits.isEmpty()) {
      sb.append(" The growth is allocated by ");
      List<String> c = new ArrayList<>();
      for (Culprit k : culprits.subList(0, Math.min(3, culprits.size()))) {
        c.add(
            shortName(k.function())
                + " ("
                + location(k.file(), k.line())
                + ", +"
                + Units.formatBytes(k.growthBytes())
                + ")");
      }
      sb.append(String.join(", ", c)).append('.');
    }
    if (!groups.isEmpty()) {
      GoroutineGrowth g = groups.get(0);
      sb.append(" ")
          .append(g.count())
          .append(" goroutines wait in ")
          .append(shortName(g.function()))
          .append(" [")
          .append(g.state())
          .append("]");
      if (g.growth() > 0) {
        sb.append(", ").append(g.growth()).append(" more than at the baseline");
      }
      sb.append('.');
    }
    if (pattern != LeakPattern.UNKNOWN) {
      sb.append(" Pattern: ")
          .append(pattern.id())
          .append(" (")
          .append(pattern.description())
          .append(").");
    }
    if (ttl != null) {
      sb.append(" At this rate the limit is reached in about ").append(human(ttl)).append('.');
    }
    return sb.toString();
  }

  private static String describe(SignalVerdict v) {
    Signal s = Signal.byId(v.signal());
    String what = s == null ? v.signal() : s.description();
    boolean bytes = s != null && s.unit() == Signal.Unit.BYTES;
    String rate = bytes ? Units.formatBytes(v.growthPerHour()) : count(v.growthPerHour());
    String low = bytes ? Units.formatBytes(v.growthPerHourLow()) : count(v.growthPerHourLow());
    String high = bytes ? Units.formatBytes(v.growthPerHourHigh()) : count(v.growthPerHourHigh());
    return what
        + " grows "
        + rate
        + "/h ("
        + low
        + " to "
        + high
        + "/h) over "
        + v.points()
        + " samples ["
        + v.verdict()
        + "]";
  }

  private static String count(double v) {
    return Math.abs(v) >= 100
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  /** {@code pkg/path.(*T).M} -> {@code (*T).M}; keeps the package's last element. */
  static String shortName(String function) {
    if (function == null) {
      return "?";
    }
    int slash = function.lastIndexOf('/');
    return slash < 0 ? function : function.substring(slash + 1);
  }

  private static String location(String file, long line) {
    if (file == null || file.isEmpty()) {
      return "?";
    }
    int slash = file.lastIndexOf('/');
    String base = slash < 0 ? file : file.substring(slash + 1);
    return line > 0 ? base + ":" + line : base;
  }

  static String human(double seconds) {
    Duration d = Duration.ofSeconds((long) seconds);
    if (d.toDays() >= 2) {
      return d.toDays() + " days";
    }
    if (d.toHours() >= 2) {
      return d.toHours() + " h";
    }
    if (d.toMinutes() >= 2) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
