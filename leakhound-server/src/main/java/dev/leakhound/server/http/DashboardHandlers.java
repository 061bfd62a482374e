package dev.leakhound.server.http;

import dev.leakhound.server.config.ReceiverConfig;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.dashboard.DashboardViews;
import dev.leakhound.server.dashboard.DiffFlameGraph;
import dev.leakhound.server.dashboard.Sparklines;
import dev.leakhound.server.dashboard.TargetCharts;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.store.TargetHealth;
import dev.leakhound.server.watch.TargetRuntime;
import dev.leakhound.server.watch.Watcher;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboard's own API ({@code /api/v1/dashboard/...}, routes in {@link Routes}): what the
 * overview, target and alerts pages draw, shaped and downsampled by the server so the browser only
 * lays it out. Like {@link ApiHandlers} they read the watcher's in-memory state and the store, and
 * leave the analyses to the watcher.
 *
 * <p>Thread-safe: stateless apart from the shared, thread-safe watcher and store.
 */
final class DashboardHandlers {
  private static final Logger LOG = Logger.getLogger(DashboardHandlers.class.getName());

  /** The overview's sparklines span the last hour unless asked otherwise. */
  static final Duration SPARK_RANGE = Duration.ofHours(1);

  /**
   * How long the overview's sparklines are served as they are: reading them scans every target's
   * samples of the range (a quarter of a million rows for a thousand targets over an hour), while
   * their one-minute points change once a minute; every open dashboard refreshing every 10 s shares
   * one scan.
   */
  static final long SPARK_FRESH_MILLIS = 10_000;

  /**
   * Until this age, older sparklines are still served at once while a background read refreshes
   * them, so no request waits for the scan but the first.
   */
  static final long SPARK_STALE_MILLIS = 60_000;

  private record SparkKey(Signal signal, long range, int points) {}

  private record CachedSparks(long at, long from, long to, Map<String, Sparklines.Spark> sparks) {}

  private final Map<SparkKey, CachedSparks> sparkCache = new ConcurrentHashMap<>();
  private final Set<SparkKey> refreshing = ConcurrentHashMap.newKeySet();

  private final WatchConfig config;
  private final Watcher watcher;
  private final Store store;

  DashboardHandlers(WatchConfig config, Watcher watcher, Store store) {
    this.config = config;
    this.watcher = watcher;
    this.store = store;
  }

  /** {@code GET /api/v1/dashboard/overview[?range=1h&points=60]}. */
  void overview(Context ctx) throws SQLException {
    long started = System.nanoTime();
    long now = System.currentTimeMillis();
    TimeRange r =
        ctx.queryParam("from") == null && ctx.queryParam("range") == null
            ? new TimeRange(now - SPARK_RANGE.toMillis(), now)
            : TimeRange.of(ctx, now);
    int points = ApiHandlers.intParam(ctx, "points", 48, 2, 500);
    boolean relative = ctx.queryParam("from") == null && ctx.queryParam("to") == null;
    CachedSparks floors = sparks(Signal.HEAP_FLOOR, r, points, now, relative);
    r = new TimeRange(floors.from(), floors.to());
    long queried = System.nanoTime();
    Map<String, Sparklines.Spark> rss = null;
    List<DashboardViews.OverviewRow> rows = new ArrayList<>();
    for (TargetRuntime rt : watcher.targets()) {
      Map<Signal, SignalVerdict> verdicts = rt.verdicts();
      Signal floorSignal = Signal.HEAP_FLOOR;
      Sparklines.Spark spark = floors.sparks().get(rt.name());
      if (spark == null && !verdicts.containsKey(Signal.HEAP_FLOOR)) {
        if (rss == null) {
          rss = sparks(Signal.RSS, r, points, now, relative).sparks();
        }
        spark = rss.get(rt.name());
        floorSignal = spark == null ? Signal.HEAP_FLOOR : Signal.RSS;
      }
      rows.add(row(rt, verdicts, floorSignal, spark == null ? Sparklines.Spark.EMPTY : spark));
    }
    // Server-Timing lets the browser (and the dashboard benchmark) see where the time went.
    ctx.header(
        "Server-Timing",
        String.format(
            java.util.Locale.ROOT,
            "sparklines;dur=%.1f, rows;dur=%.1f",
            (queried - started) / 1e6,
            (System.nanoTime() - queried) / 1e6));
    Json.send(ctx, new DashboardViews.Overview(now, r.from(), r.to(), rows));
  }

  /**
   * The sparklines of {@code signal}: for ranges relative to now, from the cache (fresh, or stale
   * and being refreshed in the background); for absolute ranges, read now.
   */
  private CachedSparks sparks(Signal signal, TimeRange r, int points, long now, boolean relative)
      throws SQLException {
    if (!relative) {
      return read(signal, r.from(), r.to(), points, now);
    }
    long range = r.to() - r.from();
    SparkKey key = new SparkKey(signal, range, points);
    CachedSparks c = sparkCache.get(key);
    long age = c == null ? Long.MAX_VALUE : now - c.at();
    if (age < SPARK_FRESH_MILLIS) {
      return c;
    }
    if (age < SPARK_STALE_MILLIS) {
      if (refreshing.add(key)) {
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    long t = System.currentTimeMillis();
                    sparkCache.put(key, read(signal, t - range, t, points, t));
                  } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.FINE, "refreshing the overview's sparklines failed", e);
                  } finally {
                    refreshing.remove(key);
                  }
                });
      }
      return c;
    }
    c = read(signal, r.from(), r.to(), points, now);
    sparkCache.put(key, c);
    return c;
  }

  private CachedSparks read(Signal signal, long from, long to, int points, long now)
      throws SQLException {
    return new CachedSparks(
        now, from, to, Sparklines.read(store, signal, from, to, points, rawSince(now)));
  }

  private static DashboardViews.OverviewRow row(
      TargetRuntime rt,
      Map<Signal, SignalVerdict> verdicts,
      Signal floorSignal,
      Sparklines.Spark spark) {
    TargetHealth h = rt.health();
    SignalVerdict v = shownGrowth(verdicts, floorSignal);
    Double ttl = null;
    for (SignalVerdict x : verdicts.values()) {
      Double t = x.timeToLimitSeconds();
      if (x.growing() && t != null && (ttl == null || t < ttl)) {
        ttl = t;
      }
    }
    double last = spark.last();
    if (Double.isNaN(last) && rt.lastScrape() != null) {
      last = rt.lastScrape().value(floorSignal);
    }
    LeakReport open = rt.openReport();
    boolean fitted = v != null && v.points() > 0;
    return new DashboardViews.OverviewRow(
        rt.name(),
        rt.config().kind(),
        rt.state().id(),
        rt.lastError(),
        new TreeMap<>(rt.config().labels()),
        h.scrapes(),
        h.lastScrape() == 0 ? null : h.lastScrape(),
        open == null ? null : open.id(),
        floorSignal.id(),
        Double.isNaN(last) ? null : last,
        v == null ? null : v.signal(),
        v == null ? null : v.verdict(),
        fitted ? finite(v.growthPerHour()) : null,
        fitted ? finite(v.growthPerHourLow()) : null,
        fitted ? finite(v.growthPerHourHigh()) : null,
        ttl,
        spark);
  }

  /**
   * The verdict whose growth an overview row shows: the floor's, unless another signal is judged
   * graver and growing (a goroutine leak whose stacks hold little memory), so the row says why its
   * state is what it is. Null before the first evaluation.
   */
  static SignalVerdict shownGrowth(Map<Signal, SignalVerdict> verdicts, Signal floorSignal) {
    SignalVerdict v = verdicts.get(floorSignal);
    for (SignalVerdict x : verdicts.values()) {
      if (x.growing()
          && (v == null || SignalVerdict.rank(x.verdict()) > SignalVerdict.rank(v.verdict()))) {
        v = x;
      }
    }
    return v;
  }

  /** {@code GET /api/v1/dashboard/targets/{name}/charts[?range=6h|from=..&to=..][&maxPoints=]}. */
  void charts(Context ctx) throws SQLException {
    TargetRuntime rt = runtime(ctx);
    long now = System.currentTimeMillis();
    TimeRange r = TimeRange.of(ctx, now);
    int maxPoints =
        ApiHandlers.intParam(ctx, "maxPoints", ApiHandlers.MAX_POINTS, 10, ApiHandlers.MAX_POINTS);
    long rawSince = rawSince(now);
    List<DashboardViews.Chart> charts =
        TargetCharts.read(store, rt, r.from(), r.to(), maxPoints, rawSince);
    List<Views.EventView> events =
        store.targets().events(rt.name(), r.from(), r.to(), 10_000).stream()
            .map(e -> new Views.EventView(e.t(), e.kind(), e.detail()))
            .toList();
    List<DashboardViews.ReportMark> reports =
        store.reports().list(rt.name(), null, 50).stream()
            .map(
                x ->
                    new DashboardViews.ReportMark(
                        x.id(), x.verdict(), x.state(), x.openedAt(), x.resolvedAt(), x.pattern()))
            .toList();
    Json.send(
        ctx,
        new DashboardViews.Charts(
            rt.name(),
            r.from(),
            r.to(),
            maxPoints,
            charts,
            TargetCharts.fits(store, rt, rawSince),
            events,
            reports));
  }

  /**
   * {@code GET /api/v1/dashboard/reports/{id}/flamegraph[?sampleIndex=inuse_space]}: the call tree
   * of the report's heap profile diff, baseline to capture.
   */
  void flameGraph(Context ctx) throws SQLException {
    long id = ApiHandlers.longPath(ctx, "id");
    LeakReport r = store.reports().get(id);
    if (r == null) {
      throw new ApiException(404, "no report " + id);
    }
    Long baseline = r.profiles().baselineHeap();
    Long current = r.profiles().currentHeap();
    if (baseline == null || current == null) {
      throw new ApiException(404, "report " + id + " has no baseline and current heap profiles");
    }
    byte[] a = store.profiles().content(baseline);
    byte[] b = store.profiles().content(current);
    if (a == null || b == null) {
      throw new ApiException(404, "the heap profiles of report " + id + " are no longer stored");
    }
    try {
      Json.send(ctx, DiffFlameGraph.of(a, b, ctx.queryParam("sampleIndex")));
    } catch (IOException | IllegalArgumentException e) {
      throw new ApiException(
          422, "cannot compare the heap profiles of report " + id + ": " + e.getMessage());
    }
  }

  /** {@code GET /api/v1/dashboard/receivers}. */
  void receivers(Context ctx) throws SQLException {
    Map<String, Long> pending = store.alerts().pendingByReceiver();
    List<DashboardViews.Receiver> out = new ArrayList<>();
    for (ReceiverConfig rc : config.receivers()) {
      out.add(
          new DashboardViews.Receiver(
              rc.name(), rc.kind(), endpoint(rc.url()), pending.getOrDefault(rc.name(), 0L)));
    }
    Json.send(ctx, out);
  }

  private long rawSince(long now) {
    return now - config.retention().raw().toMillis();
  }

  private TargetRuntime runtime(Context ctx) {
    String name = ctx.pathParam("name");
    TargetRuntime rt = watcher.target(name);
    if (rt == null) {
      throw new ApiException(404, "no target '" + name + "'");
    }
    return rt;
  }

  /** Scheme, host and port: a webhook's path or query may carry a secret. */
  static String endpoint(URI url) {
    if (url == null || url.getHost() == null) {
      return "";
    }
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  private static Double finite(Double v) {
    return v != null && Double.isFinite(v) ? v : null;
  }
}
