package dev.leakhound.server;

import dev.leakhound.server.alert.AlertEngine;
import dev.leakhound.server.alert.Dispatcher;
import dev.leakhound.server.collect.CollectContext;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.collect.HttpFetcher;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.http.HttpServer;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.watch.AnalysisComparison;
import dev.leakhound.server.watch.Evaluator;
import dev.leakhound.server.watch.ProfileComparison;
import dev.leakhound.server.watch.SignalJudge;
import dev.leakhound.server.watch.TrendJudge;
import dev.leakhound.server.watch.Watcher;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The watch service assembled: the store in the data directory, the collectors on their schedules,
 * the evaluator (verdicts, diagnosis, reports) and the alert engine every evaluation interval, the
 * outbox dispatcher, retention every hour, and the HTTP server. {@code leakhound serve}, {@code
 * check} and {@code demo} all run this.
 *
 * <p>Thread-safe to start and close; closing stops everything it started, in reverse order.
 */
public final class WatchService implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WatchService.class.getName());

  /** How often samples are committed: what a crash may lose at most. */
  public static final long FLUSH_MILLIS = 1000;

  private final WatchConfig config;
  private final Store store;
  private final HttpFetcher http;
  private final Watcher watcher;
  private final Evaluator evaluator;
  private final AlertEngine alerts;
  private final Dispatcher dispatcher;
  private final HttpServer server;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("leakhound-evaluator").daemon(true).unstarted(r));

  private WatchService(
      WatchConfig config,
      CollectorRegistry registry,
      SignalJudge judge,
      ProfileComparison comparison,
      Clock clock,
      String version)
      throws SQLException {
    this.config = config;
    this.clock = clock;
    this.store = Store.open(config.dataDir(), FLUSH_MILLIS);
    this.http = new HttpFetcher("leakhound/" + version);
    try {
      this.watcher = new Watcher(config, registry, store, new CollectContext(http, clock));
      this.evaluator = new Evaluator(watcher, judge, comparison);
      this.alerts = new AlertEngine(config, store);
      this.dispatcher = new Dispatcher(store.alerts(), config.receivers(), clock);
      this.server = new HttpServer(config, watcher, store, alerts, version);
    } catch (SQLException | RuntimeException e) {
      http.close();
      store.close();
      throw e;
    }
  }

  /**
   * Starts everything for {@code config} with the standard target kinds, the verdict engine ({@link
   * TrendJudge} with the configuration's options) and the analysis layer's comparisons.
   */
  public static WatchService start(WatchConfig config, String version) throws SQLException {
    return start(
        config,
        CollectorRegistry.standard(),
        TrendJudge.of(config.evaluation()),
        new AnalysisComparison(),
        version);
  }

  /**
   * Starts everything for {@code config}. Throws when the store cannot be opened or the listen
   * address is taken; nothing keeps running then.
   */
  public static WatchService start(
      WatchConfig config,
      CollectorRegistry registry,
      SignalJudge judge,
      ProfileComparison comparison,
      String version)
      throws SQLException {
    WatchService s =
        new WatchService(config, registry, judge, comparison, Clock.systemUTC(), version);
    try {
      s.evaluator.restoreOpenReports();
      s.server.start();
      s.watcher.start();
      s.dispatcher.start();
      long every = config.evaluation().interval().toMillis();
      s.timer.scheduleAtFixedRate(s::evaluate, every, every, TimeUnit.MILLISECONDS);
      s.timer.scheduleWithFixedDelay(s::retention, 1, 60, TimeUnit.MINUTES);
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** Runs one evaluation now (also what the timer runs). */
  public void evaluate() {
    try {
      evaluator.evaluateAll();
      alerts.evaluate(watcher.targets(), clock.millis());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "evaluation failed", e);
    }
  }

  private void retention() {
    long now = clock.millis();
    WatchConfig.Retention r = config.retention();
    try {
      store.applyRetention(
          now,
          now - r.raw().toMillis(),
          now - r.downsampled().toMillis(),
          now - r.reports().toMillis(),
          now - r.profiles().toMillis());
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "retention failed", e);
    }
  }

  public WatchConfig config() {
    return config;
  }

  public Store store() {
    return store;
  }

  public Watcher watcher() {
    return watcher;
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  public AlertEngine alerts() {
    return alerts;
  }

  /** The URL of the HTTP server, e.g. {@code http://127.0.0.1:9464}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** How long until everything has been evaluated at least once after start. */
  public Duration evaluationInterval() {
    return config.evaluation().interval();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(server);
    closeQuietly(watcher);
    closeQuietly(dispatcher);
    closeQuietly(http);
    store.close();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing " + c, e);
    }
  }
}
