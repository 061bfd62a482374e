package dev.leakhound.server.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.collect.Scrape;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.SeriesData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The detect stage: every evaluation interval, judges each target's signals (the heap floor, or RSS
 * where there is no heap; goroutines; open files) over the current segment (the process lifetime,
 * or since the last report resolved, at most {@code evaluation.window}), opens a report when one
 * turns suspect, refreshes it when the verdict escalates, and resolves it when the signals stop
 * growing over {@code evaluation.resolveWindow} or the process restarts.
 *
 * <p>Runs on one thread; diagnoses run on capture threads. Thread-safe.
 */
public final class Evaluator {
  private static final Logger LOG = Logger.getLogger(Evaluator.class.getName());

  /** The most points handed to the verdict engine per signal. */
  static final int MAX_POINTS = 2000;

  private final Watcher watcher;
  private final SignalJudge judge;
  private final Diagnoser diagnoser;
  private final WatchConfig config;

  public Evaluator(Watcher watcher, SignalJudge judge, ProfileComparison comparison) {
    this.watcher = watcher;
    this.judge = judge;
    this.diagnoser = new Diagnoser(watcher, comparison);
    this.config = watcher.config();
  }

  /** Evaluates every target once. */
  public void evaluateAll() {
    long now = watcher.context().clock().millis();
    for (TargetRuntime rt : watcher.targets()) {
      try {
        evaluate(rt, now);
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "evaluation of " + rt.name() + " failed", e);
      }
    }
  }

  /**
   * The signals judged for a target of {@code kind}, from what its scrapes have measured. A service
   * is judged on its heap floor (RSS where it reports no heap) and goroutines; its open files and
   * threads follow its connection pools too closely to be judged on their own. A process (kind
   * {@code process}) is judged on all it has: RSS, open files, threads.
   */
  static List<Signal> judged(String kind, Set<Signal> seen) {
    List<Signal> out = new ArrayList<>();
    if (kind.equals("process")) {
      for (Signal s : List.of(Signal.RSS, Signal.OPEN_FDS, Signal.THREADS)) {
        if (seen.contains(s)) {
          out.add(s);
        }
      }
      return out;
    }
    if (seen.contains(Signal.HEAP_FLOOR)) {
      out.add(Signal.HEAP_FLOOR);
    } else if (seen.contains(Signal.RSS)) {
      out.add(Signal.RSS);
    }
    if (seen.contains(Signal.GOROUTINES)) {
      out.add(Signal.GOROUTINES);
    }
    return out;
  }

  void evaluate(TargetRuntime rt, long now) throws SQLException {
    if (rt.lifetime().isEmpty()) {
      return;
    }
    LeakReport open = rt.openReport();
    if (open != null && !open.lifetime().equals(rt.lifetime())) {
      resolve(rt, open, now, "the process restarted");
      open = null;
    }
    long from = Math.max(rt.segmentStart(), now - config.evaluation().window().toMillis());
    List<SignalVerdict> verdicts = new ArrayList<>();
    Companions companions = null;
    for (Signal s : judged(rt.config().kind(), rt.seenSignals())) {
      if (companions == null) {
        companions = companions(rt, from, now);
      }
      SignalVerdict v = judge.judge(series(rt, s, from, now, companions), now);
      rt.verdict(s, v);
      verdicts.add(v);
      watcher.store().targets().saveVerdict(rt.name(), s.id(), v.verdict(), now, json(v));
    }
    boolean growing = verdicts.stream().anyMatch(SignalVerdict::growing);
    if (open == null) {
      // A suspect prepares the evidence (captures and diffs); only a leak opens a report, so a
      // control whose memory rises with load or a warming cache is never reported.
      if (verdicts.stream().anyMatch(v -> v.verdict().equals(SignalVerdict.LEAK))) {
        diagnoseLater(rt, verdicts, null);
      } else if (growing && rt.prepared() == null) {
        prepareLater(rt);
      }
      return;
    }
    if (escalated(open, verdicts)) {
      diagnoseLater(rt, verdicts, open);
    } else if (allNoLeak(open, verdicts) || stoppedGrowing(rt, open, now)) {
      resolve(rt, open, now, "the signals stopped growing");
    } else {
      refreshVerdicts(rt, open, kept(open, verdicts), now);
    }
  }

  /**
   * The verdicts an open report keeps: the new ones, except that a signal it saw growing keeps that
   * verdict until it is judged no-leak with its level stopped. Otherwise not enough data (after a
   * change point, or with few heap-floor points) would erase the evidence of growth and the next
   * evaluation would find nothing left growing and resolve a leak that goes on.
   */
  private static List<SignalVerdict> kept(LeakReport open, List<SignalVerdict> now) {
    List<SignalVerdict> out = new ArrayList<>(now.size());
    for (SignalVerdict v : now) {
      SignalVerdict was = null;
      for (SignalVerdict w : open.signals()) {
        if (w.signal().equals(v.signal())) {
          was = w;
        }
      }
      out.add(was != null && was.growing() && !v.growing() && !cleared(was, v) ? was : v);
    }
    return out;
  }

  /** True when {@code now} says the growth {@code was} reported has ended. */
  private static boolean cleared(SignalVerdict was, SignalVerdict now) {
    return now.verdict().equals(SignalVerdict.NO_LEAK) && levelStopped(was, now);
  }

  /**
   * True when every signal the report saw growing is now judged no-leak and its level has stopped
   * climbing. Not enough data (after a change point, say) is no evidence either way and keeps the
   * report open.
   */
  private static boolean allNoLeak(LeakReport open, List<SignalVerdict> now) {
    for (SignalVerdict was : open.signals()) {
      if (!was.growing()) {
        continue;
      }
      boolean cleared = false;
      for (SignalVerdict v : now) {
        if (v.signal().equals(was.signal()) && cleared(was, v)) {
          cleared = true;
        }
      }
      if (!cleared) {
        return false;
      }
    }
    return true;
  }

  /**
   * True unless the level went on rising at the reported pace since the report saw it: a no-leak
   * verdict over a stretch that still climbs as fast (a momentary fit on a few sparse heap-floor
   * points, say) is not trusted to close a report while the leak goes on.
   */
  private static boolean levelStopped(SignalVerdict was, SignalVerdict now) {
    if (was.currentLevel() == null
        || now.currentLevel() == null
        || was.growthPerHour() == null
        || !(was.growthPerHour() > 0)) {
      return true;
    }
    double hours = (now.toMillis() - was.toMillis()) / 3_600_000.0;
    if (!(hours > 0)) {
      return true;
    }
    return now.currentLevel() - was.currentLevel() < 0.5 * was.growthPerHour() * hours;
  }

  /** The series every judged signal is lined up with, read once per target and evaluation. */
  private record Companions(SeriesData gcCycles, SeriesData starts, SeriesData requests) {}

  private Companions companions(TargetRuntime rt, long from, long to) throws SQLException {
    var samples = watcher.store().samples();
    return new Companions(
        samples.raw(rt.name(), Signal.GC_CYCLES, from, to, Integer.MAX_VALUE),
        samples.raw(rt.name(), Signal.START_TIME, from, to, Integer.MAX_VALUE),
        samples.raw(rt.name(), Signal.REQUESTS, from, to, Integer.MAX_VALUE));
  }

  /** The samples of {@code s} in {@code [from, to]} with their companions lined up. */
  private SignalSeries series(TargetRuntime rt, Signal s, long from, long to, Companions c)
      throws SQLException {
    SeriesData data = watcher.store().samples().raw(rt.name(), s, from, to, MAX_POINTS);
    return new SignalSeries(
        s,
        data.t(),
        data.v(),
        aligned(c.gcCycles(), data),
        aligned(c.starts(), data),
        aligned(c.requests(), data),
        limit(rt, s));
  }

  /** {@code companion}'s values at the times of {@code data} (NaN where a scrape lacked it). */
  private static double[] aligned(SeriesData c, SeriesData data) {
    double[] out = new double[data.size()];
    java.util.Arrays.fill(out, Double.NaN);
    int j = 0;
    for (int i = 0; i < data.size(); i++) {
      while (j < c.size() && c.t()[j] < data.t()[i]) {
        j++;
      }
      if (j < c.size() && c.t()[j] == data.t()[i]) {
        out[i] = c.v()[j];
      }
    }
    return out;
  }

  private double limit(TargetRuntime rt, Signal s) {
    double configured = rt.config().limits().forSignal(s);
    if (!Double.isNaN(configured)) {
      return configured;
    }
    Scrape last = rt.lastScrape();
    if (last != null && (s == Signal.HEAP_FLOOR || s == Signal.HEAP_INUSE || s == Signal.RSS)) {
      return last.value(Signal.MEMORY_LIMIT);
    }
    return Double.NaN;
  }

  private static boolean escalated(LeakReport open, List<SignalVerdict> now) {
    int was = SignalVerdict.rank(open.verdict());
    Set<String> growingBefore = new java.util.HashSet<>();
    for (SignalVerdict v : open.signals()) {
      if (v.growing()) {
        growingBefore.add(v.signal());
      }
    }
    for (SignalVerdict v : now) {
      if (SignalVerdict.rank(v.verdict()) > was
          || (v.growing() && !growingBefore.contains(v.signal()))) {
        return true;
      }
    }
    return false;
  }

  /** True when the growing signals show no growth over the recent resolve window. */
  private boolean stoppedGrowing(TargetRuntime rt, LeakReport open, long now) throws SQLException {
    long window = config.evaluation().resolveWindow().toMillis();
    long opened = Instant.parse(open.openedAt()).toEpochMilli();
    if (now - opened < window) {
      return false;
    }
    for (SignalVerdict v : open.signals()) {
      if (!v.growing()) {
        continue;
      }
      Signal s = Signal.byId(v.signal());
      long from = Math.max(rt.segmentStart(), now - window);
      SignalVerdict r = judge.judge(series(rt, s, from, now, companions(rt, from, now)), now);
      if (!r.verdict().equals(SignalVerdict.NO_LEAK)) {
        return false;
      }
    }
    return true;
  }

  /** Captures and compares now, keeping the findings for the report a leak verdict opens. */
  private void prepareLater(TargetRuntime rt) {
    if (!rt.startCapture()) {
      return;
    }
    watcher.submitCapture(
        () -> {
          try {
            rt.prepared(diagnoser.diagnose(rt));
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "diagnosis of " + rt.name() + " failed", e);
          } finally {
            rt.endCapture();
          }
        });
  }

  /**
   * Opens a report (when {@code open} is null) or refreshes it: at once from the findings a suspect
   * verdict prepared, when there are some, then again from a fresh capture.
   */
  private void diagnoseLater(TargetRuntime rt, List<SignalVerdict> verdicts, LeakReport open) {
    if (!rt.startCapture()) {
      return;
    }
    watcher.submitCapture(
        () -> {
          try {
            LeakReport r = open;
            Diagnoser.Findings prepared = rt.prepared();
            if (r == null && prepared != null && prepared.lifetime().equals(rt.lifetime())) {
              r = write(rt, verdicts, prepared, null);
            }
            write(rt, verdicts, diagnoser.diagnose(rt), r);
          } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot write the report of " + rt.name(), e);
          } finally {
            rt.endCapture();
          }
        });
  }

  /** Inserts a new report (when {@code open} is null) or updates {@code open}. */
  private LeakReport write(
      TargetRuntime rt, List<SignalVerdict> verdicts, Diagnoser.Findings f, LeakReport open)
      throws SQLException {
    long t = watcher.context().clock().millis();
    String at = Instant.ofEpochMilli(t).toString();
    LeakReport r;
    if (open == null) {
      r = watcher.store().reports().insert(Diagnoser.report(rt, verdicts, f, 0, at, at), t);
      watcher
          .store()
          .targets()
          .addEvent(rt.name(), t, "report-opened", "report " + r.id() + ": " + r.verdict());
    } else {
      r = Diagnoser.report(rt, verdicts, f, open.id(), open.openedAt(), at);
      watcher.store().reports().update(r, t, null);
    }
    rt.openReport(r);
    return r;
  }

  private void refreshVerdicts(
      TargetRuntime rt, LeakReport open, List<SignalVerdict> verdicts, long now)
      throws SQLException {
    String at = Instant.ofEpochMilli(now).toString();
    LeakReport r =
        new LeakReport(
            open.id(),
            open.target(),
            open.verdict(),
            open.openedAt(),
            null,
            open.culprits(),
            open.goroutineGroups(),
            open.pattern(),
            open.summary(),
            open.state(),
            open.resolvedReason(),
            open.patternDescription(),
            open.remedy(),
            open.timeToLimitSeconds(),
            verdicts,
            open.profiles(),
            open.lifetime(),
            at,
            open.notes());
    watcher.store().reports().update(r, now, null);
    rt.openReport(r);
  }

  private void resolve(TargetRuntime rt, LeakReport open, long now, String reason)
      throws SQLException {
    LeakReport r = open.resolved(Instant.ofEpochMilli(now).toString(), reason);
    watcher.store().reports().update(r, now, now);
    rt.openReport(null);
    rt.prepared(null);
    rt.segmentStart(now);
    rt.clearVerdicts();
    watcher
        .store()
        .targets()
        .addEvent(rt.name(), now, "report-resolved", "report " + r.id() + ": " + reason);
  }

  /** Reports open at start-up are re-attached to their targets. */
  public void restoreOpenReports() throws SQLException {
    for (LeakReport r : watcher.store().reports().list(null, LeakReport.OPEN, 10_000)) {
      TargetRuntime rt = watcher.target(r.target());
      if (rt != null && rt.openReport() == null) {
        rt.openReport(r);
      }
    }
    for (TargetRuntime rt : watcher.targets()) {
      for (LeakReport r : watcher.store().reports().list(rt.name(), LeakReport.RESOLVED, 1)) {
        rt.resumeAfter(r.lifetime(), Instant.parse(r.resolvedAt()).toEpochMilli());
      }
    }
  }

  static String json(Object o) {
    try {
      return JsonRenderer.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      return "{}";
    }
  }

  /** The verdicts of every target, for {@code check}. */
  public Map<String, List<SignalVerdict>> verdicts() {
    Map<String, List<SignalVerdict>> out = new java.util.LinkedHashMap<>();
    for (TargetRuntime rt : watcher.targets()) {
      out.put(rt.name(), List.copyOf(rt.verdicts().values()));
    }
    return out;
  }
}
