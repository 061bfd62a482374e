package dev.leakhound.server.http;

import dev.leakhound.server.collect.ProfileKind;
import dev.leakhound.server.collect.Scrape;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.ReportSummary;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.AlertRecord;
import dev.leakhound.server.store.DeliveryRecord;
import dev.leakhound.server.store.ProfileRecord;
import dev.leakhound.server.store.ProfileStore;
import dev.leakhound.server.store.SeriesData;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.store.TargetHealth;
import dev.leakhound.server.watch.TargetRuntime;
import dev.leakhound.server.watch.Watcher;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The REST API's handlers (routes in {@link Routes}). They read the watcher's in-memory state for
 * what changes every scrape (targets, verdicts) and the store for history (series, reports,
 * profiles, alerts), and never compute analyses themselves.
 *
 * <p>Thread-safe: stateless apart from the shared, thread-safe watcher and store.
 */
final class ApiHandlers {
  static final int MAX_POINTS = 2000;

  private final WatchConfig config;
  private final Watcher watcher;
  private final Store store;

  ApiHandlers(WatchConfig config, Watcher watcher, Store store) {
    this.config = config;
    this.watcher = watcher;
    this.store = store;
  }

  void healthz(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8").result("ok\n");
  }

  void targets(Context ctx) {
    List<Views.TargetView> out = new ArrayList<>();
    for (TargetRuntime rt : watcher.targets()) {
      out.add(view(rt));
    }
    Json.send(ctx, out);
  }

  void target(Context ctx) {
    Json.send(ctx, view(runtime(ctx)));
  }

  private Views.TargetView view(TargetRuntime rt) {
    TargetHealth h = rt.health();
    Scrape s = rt.lastScrape();
    Map<String, Double> values = new TreeMap<>();
    if (s != null) {
      s.values().forEach((k, v) -> values.put(k.id(), v));
    }
    LeakReport open = rt.openReport();
    return new Views.TargetView(
        rt.name(),
        rt.config().kind(),
        rt.state().id(),
        rt.lastError(),
        new TreeMap<>(rt.config().labels()),
        rt.config().address(),
        rt.config().interval().toMillis() / 1000.0,
        h.lastScrape() == 0 ? null : iso(h.lastScrape()),
        h.lastDurationMs(),
        h.scrapes(),
        h.errors(),
        rt.lifetimeStart() == 0 ? null : iso(rt.lifetimeStart()),
        open == null ? null : open.id(),
        values,
        List.copyOf(rt.verdicts().values()));
  }

  void signals(Context ctx) throws SQLException {
    Json.send(ctx, store.samples().signals(runtime(ctx).name()));
  }

  void series(Context ctx) throws SQLException {
    TargetRuntime rt = runtime(ctx);
    Signal signal = Signal.byId(ctx.pathParam("signal"));
    if (signal == null) {
      throw new ApiException(
          404, "no signal '" + ctx.pathParam("signal") + "'; known: " + Signal.ids());
    }
    TimeRange r = TimeRange.of(ctx, now());
    int maxPoints = intParam(ctx, "maxPoints", MAX_POINTS, 1, MAX_POINTS);
    long rawSince = now() - config.retention().raw().toMillis();
    SeriesData d = store.samples().range(rt.name(), signal, r.from(), r.to(), maxPoints, rawSince);
    Json.send(
        ctx,
        new Views.SeriesView(
            rt.name(),
            signal.id(),
            signal.unit().name().toLowerCase(java.util.Locale.ROOT),
            r.from(),
            r.to(),
            d.stepMillis(),
            d.t(),
            d.v(),
            d.min(),
            d.max()));
  }

  void events(Context ctx) throws SQLException {
    TargetRuntime rt = runtime(ctx);
    TimeRange r = TimeRange.of(ctx, now());
    Json.send(
        ctx,
        store.targets().events(rt.name(), r.from(), r.to(), 10_000).stream()
            .map(e -> new Views.EventView(e.t(), e.kind(), e.detail()))
            .toList());
  }

  void targetProfiles(Context ctx) throws SQLException {
    TargetRuntime rt = runtime(ctx);
    int limit = intParam(ctx, "limit", 100, 1, 10_000);
    Json.send(
        ctx,
        store.profiles().list(rt.name(), limit).stream().map(ApiHandlers::profileView).toList());
  }

  void reports(Context ctx) throws SQLException {
    String target = ctx.queryParam("target");
    String state = ctx.queryParam("state");
    if (state != null && !state.equals(LeakReport.OPEN) && !state.equals(LeakReport.RESOLVED)) {
      throw new ApiException(400, "state must be open or resolved");
    }
    int limit = intParam(ctx, "limit", 100, 1, 10_000);
    Json.send(
        ctx, store.reports().list(target, state, limit).stream().map(ReportSummary::of).toList());
  }

  void report(Context ctx) throws SQLException {
    LeakReport r = store.reports().get(longPath(ctx, "id"));
    if (r == null) {
      throw new ApiException(404, "no report " + ctx.pathParam("id"));
    }
    Json.send(ctx, r);
  }

  void profiles(Context ctx) throws SQLException {
    String target = ctx.queryParam("target");
    if (target == null) {
      throw new ApiException(400, "target is required, e.g. ?target=shop");
    }
    int limit = intParam(ctx, "limit", 100, 1, 10_000);
    Json.send(
        ctx, store.profiles().list(target, limit).stream().map(ApiHandlers::profileView).toList());
  }

  void profileDownload(Context ctx) throws SQLException {
    long id = longPath(ctx, "id");
    ProfileRecord p = store.profiles().get(id);
    byte[] content = p == null ? null : store.profiles().content(id);
    if (content == null) {
      throw new ApiException(404, "no profile " + id);
    }
    ProfileKind kind = ProfileKind.byId(p.kind());
    boolean text = kind != null && kind.isText();
    String stamp = Instant.ofEpochMilli(p.t()).toString().replace(":", "").replace("-", "");
    String file =
        p.target() + "-" + p.kind() + "-" + stamp + (kind == null ? ".bin" : kind.extension());
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    ctx.contentType(kind == null ? "application/octet-stream" : kind.contentType());
    ctx.result(text ? ProfileStore.gunzip(content) : content);
  }

  void alerts(Context ctx) throws SQLException {
    String state = ctx.queryParam("state");
    int limit = intParam(ctx, "limit", 100, 1, 10_000);
    List<Views.AlertView> out = new ArrayList<>();
    for (AlertRecord a : store.alerts().list(state, limit)) {
      List<Views.DeliveryView> deliveries = new ArrayList<>();
      for (DeliveryRecord d : store.alerts().forAlert(a.id())) {
        deliveries.add(
            new Views.DeliveryView(
                d.receiver(),
                d.status(),
                d.attempts(),
                d.lastError(),
                iso(d.createdAt()),
                d.deliveredAt() == 0 ? null : iso(d.deliveredAt())));
      }
      out.add(
          new Views.AlertView(
              a.id(),
              a.rule(),
              a.target(),
              a.state(),
              new TreeMap<>(a.labels()),
              new TreeMap<>(a.annotations()),
              iso(a.activeSince()),
              a.firedAt() == 0 ? null : iso(a.firedAt()),
              a.resolvedAt() == 0 ? null : iso(a.resolvedAt()),
              deliveries));
    }
    Json.send(ctx, out);
  }

  void root(Context ctx) {
    ctx.redirect("/dashboard/");
  }

  private static Views.ProfileView profileView(ProfileRecord p) {
    return new Views.ProfileView(
        p.id(), p.target(), p.kind(), iso(p.t()), p.role(), p.size(), "/api/v1/profiles/" + p.id());
  }

  private TargetRuntime runtime(Context ctx) {
    String name = ctx.pathParam("name");
    TargetRuntime rt = watcher.target(name);
    if (rt == null) {
      throw new ApiException(404, "no target '" + name + "'");
    }
    return rt;
  }

  private long now() {
    return System.currentTimeMillis();
  }

  static long longPath(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new ApiException(400, name + " must be a number");
    }
  }

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ApiException(400, name + " must be a whole number from " + min + " to " + max);
    }
  }

  static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
