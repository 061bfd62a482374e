package dev.leakhound.server.collect;

import dev.leakhound.formats.expvar.ExpvarReader;
import dev.leakhound.formats.expvar.ExpvarSnapshot;
import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.prometheus.Exposition;
import dev.leakhound.formats.prometheus.ExpositionFormat;
import dev.leakhound.formats.prometheus.PrometheusTextReader;
import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.signal.Signal;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads memory signals from a metrics URL that serves either Prometheus text/OpenMetrics or expvar
 * JSON (decided by the content, so {@code metricsPath: /debug/vars} just works), and derives the
 * heap floor and the process lifetime across scrapes.
 *
 * <p>Not thread-safe: one per collector; scrapes never overlap.
 */
final class MetricsEndpoint {
  /** The target option naming the request counter. */
  static final String REQUESTS_METRIC = "requestsMetric";

  private final HttpFetcher http;
  private final TargetConfig target;
  private final GcFloorTracker floor = new GcFloorTracker();
  private final LifetimeTracker lifetime = new LifetimeTracker();

  MetricsEndpoint(HttpFetcher http, TargetConfig target) {
    this.http = http;
    this.target = target;
  }

  /** What one read of {@code uri} gives. */
  record Result(Map<Signal, Double> values, String lifetime, boolean known) {}

  Result read(URI uri, long nowMillis) throws CollectException {
    Fetched f =
        http.get(
            uri,
            Map.of("Accept", ExpositionFormat.acceptHeader()),
            target.timeout(),
            target.maxBodyBytes());
    byte[] body = f.plain(target.maxDecompressedBytes());
    Map<Signal, Double> values = new EnumMap<>(Signal.class);
    double live;
    double gogc = 100;
    if (looksLikeJson(body)) {
      ExpvarSnapshot s = parseExpvar(uri, body, f.contentType());
      copy(s, "HeapInuse", Signal.HEAP_INUSE, values);
      copy(s, "HeapAlloc", Signal.HEAP_ALLOC, values);
      copy(s, "NextGC", Signal.HEAP_GOAL, values);
      copy(s, "NumGC", Signal.GC_CYCLES, values);
      Double goroutines = s.vars().get("goroutines");
      if (goroutines != null) {
        values.put(Signal.GOROUTINES, goroutines);
      }
      live = Double.NaN;
    } else {
      Exposition e = parsePrometheus(uri, body, f.contentType());
      PrometheusSignals.Reading r =
          PrometheusSignals.read(e, target.options().get(REQUESTS_METRIC));
      values.putAll(r.values());
      live = r.liveHeap();
      gogc = r.gogcPercent();
    }
    double heapFloor =
        floor.floor(get(values, Signal.GC_CYCLES), live, get(values, Signal.HEAP_GOAL), gogc);
    if (!Double.isNaN(heapFloor)) {
      values.put(Signal.HEAP_FLOOR, heapFloor);
    }
    String life =
        lifetime.lifetime(get(values, Signal.START_TIME), get(values, Signal.GC_CYCLES), nowMillis);
    boolean known = !values.isEmpty();
    return new Result(values, life, known);
  }

  private static ExpvarSnapshot parseExpvar(URI uri, byte[] body, String contentType)
      throws CollectException {
    try {
      return ExpvarReader.read(uri.toString(), body);
    } catch (InputFormatException e) {
      throw new CollectException("not expvar JSON: " + e.getMessage() + type(contentType), e);
    }
  }

  private static Exposition parsePrometheus(URI uri, byte[] body, String contentType)
      throws CollectException {
    try {
      return PrometheusTextReader.read(
          uri.toString(), body, ExpositionFormat.fromContentType(contentType));
    } catch (InputFormatException e) {
      throw new CollectException(
          "not Prometheus metrics: " + e.getMessage() + type(contentType), e);
    }
  }

  private static String type(String contentType) {
    return contentType.isEmpty() ? "" : " [Content-Type: " + contentType + "]";
  }

  private static boolean looksLikeJson(byte[] body) {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  private static void copy(ExpvarSnapshot s, String field, Signal signal, Map<Signal, Double> out) {
    s.memstat(field).ifPresent(v -> out.put(signal, v));
  }

  private static double get(Map<Signal, Double> values, Signal s) {
    Double v = values.get(s);
    return v == null ? Double.NaN : v;
  }
}
