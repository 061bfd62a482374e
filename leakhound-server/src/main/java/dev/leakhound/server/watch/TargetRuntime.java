package dev.leakhound.server.watch;

import dev.leakhound.server.collect.Collector;
import dev.leakhound.server.collect.Scrape;
import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.TargetHealth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the watch service knows about one target while it runs: its collector, health, the
 * last scrape, the current process lifetime and when it began, the latest verdict per signal, the
 * open report and the baselines of this lifetime. Written by the target's scrapes and by the
 * evaluator, read by the API.
 *
 * <p>Thread-safe: fields are volatile snapshots of immutable values; the baseline list is guarded
 * by its own lock.
 */
public final class TargetRuntime {
  private final TargetConfig config;
  private final Collector collector;
  private final Map<Signal, SignalVerdict> verdicts = new ConcurrentHashMap<>();
  private final java.util.Set<Signal> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Deque<BaselineSet> baselines = new ArrayDeque<>();
  private final AtomicLong scrapeNanosTotal = new AtomicLong();
  private volatile TargetHealth health = TargetHealth.UNKNOWN;
  private volatile Scrape lastScrape;
  private volatile String lifetime = "";
  private volatile long lifetimeStart;
  private volatile long segmentStart;
  private volatile LeakReport openReport;
  private volatile long lastBaselineAt;
  private volatile boolean capturing;
  private volatile String captureError;
  private volatile Diagnoser.Findings prepared;
  private volatile String resumeLifetime = "";
  private volatile long resumeAfter;

  TargetRuntime(TargetConfig config, Collector collector) {
    this.config = config;
    this.collector = collector;
  }

  public TargetConfig config() {
    return config;
  }

  public String name() {
    return config.name();
  }

  Collector collector() {
    return collector;
  }

  public TargetHealth health() {
    return health;
  }

  void health(TargetHealth h) {
    health = h;
  }

  /** The last successful scrape, or null. */
  public Scrape lastScrape() {
    return lastScrape;
  }

  void lastScrape(Scrape s) {
    lastScrape = s;
    seen.addAll(s.values().keySet());
  }

  /** Every signal this target has reported (since start-up, and as stored before it). */
  java.util.Set<Signal> seenSignals() {
    return java.util.Set.copyOf(seen);
  }

  void seen(java.util.Collection<Signal> signals) {
    seen.addAll(signals);
  }

  public String lifetime() {
    return lifetime;
  }

  /** When the current process lifetime began (ms), as best known. */
  public long lifetimeStart() {
    return lifetimeStart;
  }

  void lifetime(String id, long start) {
    lifetime = id;
    lifetimeStart = start;
    segmentStart = id.equals(resumeLifetime) ? Math.max(start, resumeAfter) : start;
    prepared = null;
  }

  /**
   * After a restart of Leakhound: a report of lifetime {@code id} resolved at {@code t}, so
   * detection in that lifetime resumes after {@code t} instead of re-judging the old growth.
   */
  void resumeAfter(String id, long t) {
    resumeLifetime = id;
    resumeAfter = t;
  }

  /** Where detection's window may start: the lifetime's start, or the last report's resolution. */
  long segmentStart() {
    return segmentStart;
  }

  void segmentStart(long t) {
    segmentStart = t;
  }

  /** The latest verdict per judged signal. */
  public Map<Signal, SignalVerdict> verdicts() {
    return Map.copyOf(verdicts);
  }

  void verdict(Signal s, SignalVerdict v) {
    verdicts.put(s, v);
  }

  void clearVerdicts() {
    verdicts.clear();
  }

  /** The open report, or null. */
  public LeakReport openReport() {
    return openReport;
  }

  void openReport(LeakReport r) {
    openReport = r;
  }

  /** Findings captured when a signal turned suspect, for the report a leak verdict opens. */
  Diagnoser.Findings prepared() {
    return prepared;
  }

  void prepared(Diagnoser.Findings f) {
    prepared = f;
  }

  /** Total time spent scraping, for own metrics. */
  public long scrapeNanosTotal() {
    return scrapeNanosTotal.get();
  }

  void addScrapeNanos(long n) {
    scrapeNanosTotal.addAndGet(n);
  }

  long lastBaselineAt() {
    return lastBaselineAt;
  }

  /** Claims the right to capture; false when a capture is already running. */
  synchronized boolean startCapture() {
    if (capturing) {
      return false;
    }
    capturing = true;
    return true;
  }

  synchronized void endCapture() {
    capturing = false;
  }

  /** Adds a baseline, keeping the lifetime's first and the latest {@code keep - 1}. */
  void addBaseline(BaselineSet b, int keep) {
    synchronized (baselines) {
      baselines.removeIf(x -> !x.lifetime().equals(b.lifetime()));
      baselines.addLast(b);
      while (baselines.size() > Math.max(1, keep)) {
        BaselineSet first = baselines.pollFirst();
        baselines.pollFirst();
        baselines.addFirst(first);
      }
      lastBaselineAt = b.t();
    }
  }

  /** The baselines of the current lifetime, oldest first. */
  public List<BaselineSet> baselines() {
    synchronized (baselines) {
      List<BaselineSet> out = new ArrayList<>();
      for (BaselineSet b : baselines) {
        if (b.lifetime().equals(lifetime)) {
          out.add(b);
        }
      }
      return out;
    }
  }

  /** Why the last profile capture failed, or null when it succeeded (or none ran). */
  public String captureError() {
    return captureError;
  }

  void captureError(String error) {
    captureError = error;
  }

  /** The last error to show: the scrape's, else the last capture's; null when all is well. */
  public String lastError() {
    TargetHealth h = health;
    if (!h.lastError().isEmpty() && !h.up()) {
      return h.lastError();
    }
    return captureError;
  }

  /** The state shown in the API: down, leak, suspect or ok. */
  public TargetState state() {
    TargetHealth h = health;
    if ((h.scrapes() > 0 && !h.up()) || captureError != null) {
      return TargetState.DOWN;
    }
    int worst = 0;
    for (SignalVerdict v : verdicts.values()) {
      worst = Math.max(worst, SignalVerdict.rank(v.verdict()));
    }
    if (worst == 3) {
      return TargetState.LEAK;
    }
    return worst == 2 || openReport != null ? TargetState.SUSPECT : TargetState.OK;
  }
}
