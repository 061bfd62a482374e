package dev.leakhound.server.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.collect.CollectContext;
import dev.leakhound.server.collect.CollectException;
import dev.leakhound.server.collect.Collector;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.collect.ProfileKind;
import dev.leakhound.server.collect.Scrape;
import dev.leakhound.server.collect.ScrapeScheduler;
import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.ProfileRecord;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.store.TargetHealth;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the collect stage: one scheduled scrape per target, whose samples go to the store, whose
 * outcome becomes the target's health, and whose process lifetime is followed so a restart starts a
 * new detection segment and new baselines. Baseline profiles are captured at the start of each
 * lifetime and then every {@code capture.baselineInterval}, on their own virtual threads so a slow
 * profile never delays a scrape.
 *
 * <p>Thread-safe.
 */
public final class Watcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Watcher.class.getName());

  private final WatchConfig config;
  private final Store store;
  private final CollectContext context;
  private final Map<String, TargetRuntime> targets = new LinkedHashMap<>();
  private final ScrapeScheduler scheduler = new ScrapeScheduler();
  private final ExecutorService captures = Executors.newVirtualThreadPerTaskExecutor();
  private final java.util.concurrent.atomic.AtomicInteger busy =
      new java.util.concurrent.atomic.AtomicInteger();

  public Watcher(
      WatchConfig config, CollectorRegistry registry, Store store, CollectContext context)
      throws SQLException {
    this.config = config;
    this.store = store;
    this.context = context;
    Map<String, TargetHealth> health = store.targets().allHealth();
    for (TargetConfig t : config.targets()) {
      store.targets().ensure(t.name(), t.kind(), t.address(), json(t.labels()));
      Collector c = registry.kind(t.kind()).create(t, context);
      TargetRuntime rt = new TargetRuntime(t, c);
      TargetHealth h = health.get(t.name());
      if (h != null) {
        rt.health(h);
      }
      rt.seen(
          store.samples().signals(t.name()).stream()
              .map(Signal::byId)
              .filter(java.util.Objects::nonNull)
              .toList());
      targets.put(t.name(), rt);
    }
  }

  /** Starts scraping every target. */
  public void start() {
    for (TargetRuntime rt : targets.values()) {
      scheduler.schedule(rt.name(), rt.config().interval(), () -> scrape(rt));
    }
  }

  /** The targets in configuration order. */
  public List<TargetRuntime> targets() {
    return Collections.unmodifiableList(new ArrayList<>(targets.values()));
  }

  /** Target {@code name}, or null. */
  public TargetRuntime target(String name) {
    return targets.get(name);
  }

  /** The scheduler's entries (scrape counts, missed slots), for own metrics. */
  public List<ScrapeScheduler.Entry> schedule() {
    return scheduler.entries();
  }

  /** One scrape of {@code rt}; returns true on success. Public for tests and {@code check}. */
  public boolean scrape(TargetRuntime rt) {
    long start = System.nanoTime();
    Scrape s;
    try {
      s = rt.collector().scrape();
    } catch (CollectException e) {
      long now = context.clock().millis();
      double ms = (System.nanoTime() - start) / 1e6;
      rt.addScrapeNanos(System.nanoTime() - start);
      boolean wasUp = rt.health().up() || rt.health().scrapes() == 0;
      rt.health(rt.health().failure(now, ms, e.getMessage()));
      store.targets().saveHealth(rt.name(), rt.health());
      if (wasUp) {
        store.targets().addEvent(rt.name(), now, "down", e.getMessage());
      }
      return false;
    }
    long now = s.timeMillis();
    double ms = (System.nanoTime() - start) / 1e6;
    rt.addScrapeNanos(System.nanoTime() - start);
    boolean wasDown = rt.health().scrapes() > 0 && !rt.health().up();
    boolean newLifetime = !s.lifetime().equals(rt.lifetime());
    if (newLifetime) {
      beginLifetime(rt, s, now);
    }
    rt.health(rt.health().success(now, ms, s.lifetime()));
    rt.lastScrape(s);
    store.samples().append(rt.name(), now, s.values());
    store.targets().saveHealth(rt.name(), rt.health());
    if (wasDown) {
      store.targets().addEvent(rt.name(), now, "up", "scrapes succeed again");
    }
    if (newLifetime
        || now - rt.lastBaselineAt() >= config.capture().baselineInterval().toMillis()) {
      captureBaselineLater(rt);
    }
    return true;
  }

  private void beginLifetime(TargetRuntime rt, Scrape s, long now) {
    double started = s.value(Signal.START_TIME);
    long start = Double.isNaN(started) ? now : (long) (started * 1000);
    boolean restart = !rt.lifetime().isEmpty();
    boolean knownBefore = rt.health().lifetime().equals(s.lifetime());
    rt.lifetime(s.lifetime(), start);
    rt.clearVerdicts();
    if (restart || (!knownBefore && !rt.health().lifetime().isEmpty())) {
      store.targets().addEvent(rt.name(), now, "restart", "new process lifetime " + s.lifetime());
    }
  }

  private void captureBaselineLater(TargetRuntime rt) {
    if (rt.collector().captureKinds().isEmpty() || !rt.startCapture()) {
      return;
    }
    submitCapture(
        () -> {
          try {
            BaselineSet b =
                captureSet(
                    rt,
                    List.of(ProfileKind.HEAP, ProfileKind.GOROUTINE, ProfileKind.GOROUTINE_COUNTS),
                    "baseline");
            if (!b.profiles().isEmpty() && rt.captureError() == null) {
              rt.addBaseline(b, config.capture().baselinesKept());
              store.targets().addEvent(rt.name(), b.t(), "capture", "baseline profiles");
            }
          } finally {
            rt.endCapture();
          }
        });
  }

  /**
   * Captures {@code kinds} (those the target has) and stores them with {@code role}; kinds that
   * fail are skipped and logged. Call with the target's capture claimed.
   */
  BaselineSet captureSet(TargetRuntime rt, List<ProfileKind> kinds, String role) {
    Map<ProfileKind, ProfileRecord> saved = new EnumMap<>(ProfileKind.class);
    String lifetime = rt.lifetime();
    long t = context.clock().millis();
    String error = null;
    for (ProfileKind k : kinds) {
      if (!rt.collector().captureKinds().contains(k)) {
        continue;
      }
      try {
        var p = rt.collector().capture(k);
        saved.put(
            k,
            store.profiles().save(rt.name(), k.id(), p.timeMillis(), role, lifetime, p.content()));
      } catch (CollectException e) {
        // An endpoint that is absent (404) only narrows the diagnosis; one that serves garbage
        // makes the target unusable for it, which the user must see.
        if (e.httpStatus() != 404 && error == null) {
          error = e.getMessage();
        }
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "cannot store a profile of " + rt.name(), e);
      }
    }
    if (error != null && rt.captureError() == null) {
      store.targets().addEvent(rt.name(), t, "down", error);
    }
    rt.captureError(error);
    return new BaselineSet(t, lifetime, saved);
  }

  /** Runs {@code task} on a capture thread. */
  void submitCapture(Runnable task) {
    busy.incrementAndGet();
    captures.submit(
        () -> {
          try {
            task.run();
          } finally {
            busy.decrementAndGet();
          }
        });
  }

  /**
   * Waits until no capture or diagnosis is running (or {@code timeout} passes); returns whether
   * everything finished. {@code check} calls it before reading the reports.
   */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (busy.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  Store store() {
    return store;
  }

  WatchConfig config() {
    return config;
  }

  CollectContext context() {
    return context;
  }

  @Override
  public void close() {
    scheduler.close();
    captures.shutdownNow();
    for (TargetRuntime rt : targets.values()) {
      rt.collector().close();
    }
  }

  private static String json(Map<String, String> labels) {
    try {
      return JsonRenderer.mapper().writeValueAsString(new java.util.TreeMap<>(labels));
    } catch (JsonProcessingException e) {
      return "{}";
    }
  }
}
