package dev.leakhound.server.collect;

import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.signal.Signal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects a Go service with {@code net/http/pprof}: signals from {@code /metrics} (client_golang)
 * or, when that is absent, {@code /debug/vars} (expvar); profiles from {@code /debug/pprof/heap},
 * {@code goroutine} (proto and {@code debug=2}) and {@code goroutineleak} where the runtime has it.
 * An endpoint that answers 404 is remembered as absent and not asked again.
 *
 * <p>Thread-safe: scrapes never overlap (the scheduler's guarantee) and captures only touch the
 * concurrent set of absent endpoints.
 */
final class GoCollector implements Collector {
  static final String METRICS_PATH = "metricsPath";
  static final String PPROF_PATH = "pprofPath";

  private final TargetConfig target;
  private final CollectContext context;
  private final String base;
  private final String pprof;
  private final MetricsEndpoint metrics;
  private final Set<ProfileKind> absent = ConcurrentHashMap.newKeySet();
  private volatile String metricsPath;

  GoCollector(TargetConfig target, CollectContext context) {
    this.target = target;
    this.context = context;
    this.base = stripSlash(target.address());
    String p = target.options().get(PPROF_PATH);
    this.pprof = stripSlash(p == null ? "/debug/pprof" : p);
    this.metricsPath = target.options().get(METRICS_PATH);
    this.metrics = new MetricsEndpoint(context.http(), target);
  }

  @Override
  public Scrape scrape() throws CollectException {
    long now = context.clock().millis();
    MetricsEndpoint.Result r = readMetrics(now);
    List<String> notes = new ArrayList<>();
    Map<Signal, Double> values = new java.util.EnumMap<>(Signal.class);
    values.putAll(r.values());
    if (!values.containsKey(Signal.GOROUTINES)) {
      values.put(Signal.GOROUTINES, (double) goroutineTotal());
      notes.add("goroutines counted from " + pprof + "/goroutine?debug=1");
    }
    return new Scrape(context.clock().millis(), values, r.lifetime(), notes);
  }

  private MetricsEndpoint.Result readMetrics(long now) throws CollectException {
    String path = metricsPath;
    if (path != null) {
      return metrics.read(URI.create(base + path), now);
    }
    try {
      MetricsEndpoint.Result r = metrics.read(URI.create(base + "/metrics"), now);
      metricsPath = "/metrics";
      return r;
    } catch (CollectException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
    }
    try {
      MetricsEndpoint.Result r = metrics.read(URI.create(base + "/debug/vars"), now);
      metricsPath = "/debug/vars";
      return r;
    } catch (CollectException e) {
      if (e.httpStatus() == 404) {
        throw new CollectException(
            "neither "
                + base
                + "/metrics nor "
                + base
                + "/debug/vars exists: serve client_golang's"
                + " promhttp handler or import _ \"expvar\" (or set metricsPath)",
            404,
            e);
      }
      throw e;
    }
  }

  private long goroutineTotal() throws CollectException {
    Fetched f =
        context
            .http()
            .get(
                URI.create(base + pprof + "/goroutine?debug=1"),
                Map.of(),
                target.timeout(),
                target.maxBodyBytes());
    byte[] text = f.plain(target.maxDecompressedBytes());
    int nl = 0;
    while (nl < text.length && nl < 200 && text[nl] != '\n') {
      nl++;
    }
    String first = new String(text, 0, nl, StandardCharsets.UTF_8);
    String prefix = "goroutine profile: total ";
    if (!first.startsWith(prefix)) {
      throw new CollectException(
          "GET "
              + f.uri()
              + ": expected 'goroutine profile: total N' on the first line, found '"
              + first.substring(0, Math.min(60, first.length()))
              + "'");
    }
    try {
      return Long.parseLong(first.substring(prefix.length()).strip());
    } catch (NumberFormatException e) {
      throw new CollectException("GET " + f.uri() + ": bad goroutine total '" + first + "'");
    }
  }

  @Override
  public Set<ProfileKind> captureKinds() {
    Set<ProfileKind> kinds = EnumSet.allOf(ProfileKind.class);
    kinds.remove(ProfileKind.HEAP_DIFF);
    kinds.removeAll(absent);
    return kinds;
  }

  @Override
  public CapturedProfile capture(ProfileKind kind) throws CollectException {
    String path =
        switch (kind) {
          case HEAP -> "/heap";
          case GOROUTINE -> "/goroutine";
          case GOROUTINE_COUNTS -> "/goroutine?debug=1";
          case GOROUTINE_FULL -> "/goroutine?debug=2";
          case GOROUTINE_LEAK -> "/goroutineleak?debug=1";
          case HEAP_DIFF -> throw new CollectException("a heap diff is computed, not captured");
        };
    URI uri = URI.create(base + pprof + path);
    Fetched f;
    try {
      f = context.http().get(uri, Map.of(), target.timeout(), target.maxBodyBytes());
    } catch (CollectException e) {
      if (e.httpStatus() == 404) {
        absent.add(kind);
      }
      throw e;
    }
    byte[] entity =
        kind.isText()
            ? f.plain(target.maxDecompressedBytes())
            : f.entity(target.maxDecompressedBytes());
    if (kind.isText()) {
      ProfileCheck.checkGoroutineText(uri, entity);
    } else {
      ProfileCheck.checkPprof(uri, entity, target.maxDecompressedBytes());
    }
    return new CapturedProfile(kind, context.clock().millis(), entity);
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
