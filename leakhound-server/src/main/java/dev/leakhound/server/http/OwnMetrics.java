package dev.leakhound.server.http;

import dev.leakhound.formats.prometheus.Exposition;
import dev.leakhound.formats.prometheus.ExpositionFormat;
import dev.leakhound.formats.prometheus.MetricFamily;
import dev.leakhound.formats.prometheus.MetricSample;
import dev.leakhound.formats.prometheus.MetricType;
import dev.leakhound.formats.prometheus.PrometheusTextWriter;
import dev.leakhound.server.alert.AlertEngine;
import dev.leakhound.server.collect.ScrapeScheduler;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.store.AlertRecord;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.store.TargetHealth;
import dev.leakhound.server.watch.TargetRuntime;
import dev.leakhound.server.watch.TargetState;
import dev.leakhound.server.watch.Watcher;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leakhound's own {@code /metrics} in the Prometheus text format, so Grafana users can chart leak
 * state and growth next to everything else: per target its state, scrape health and durations, per
 * judged signal its verdict, growth per hour and time to limit; alerts and the outbox.
 *
 * <p>Thread-safe: builds a fresh exposition per request from thread-safe state.
 */
final class OwnMetrics {
  private final Watcher watcher;
  private final Store store;
  private final AlertEngine alerts;
  private final String version;

  OwnMetrics(Watcher watcher, Store store, AlertEngine alerts, String version) {
    this.watcher = watcher;
    this.store = store;
    this.alerts = alerts;
    this.version = version;
  }

  void write(Context ctx) throws IOException, SQLException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PrometheusTextWriter.write(exposition(), out);
    ctx.contentType(ExpositionFormat.TEXT.contentType()).result(out.toByteArray());
  }

  Exposition exposition() throws SQLException {
    Families f = new Families();
    f.gauge("leakhound_build_info", "Leakhound's version.").add(Map.of("version", version), 1);
    Map<String, ScrapeScheduler.Entry> entries = new HashMap<>();
    for (ScrapeScheduler.Entry e : watcher.schedule()) {
      entries.put(e.key(), e);
    }
    Family up = f.gauge("leakhound_target_up", "1 when the last scrape of the target succeeded.");
    Family state =
        f.gauge(
            "leakhound_target_state",
            "1 for the target's current state (ok, suspect, leak, down).");
    Family duration =
        f.gauge("leakhound_scrape_duration_seconds", "How long the last scrape took.");
    Family scrapes = f.counter("leakhound_scrapes_total", "Scrapes attempted.");
    Family errors = f.counter("leakhound_scrape_errors_total", "Scrapes that failed.");
    Family missed =
        f.counter(
            "leakhound_scrapes_missed_total",
            "Scrape slots skipped because the previous scrape was still running.");
    Family leak =
        f.gauge(
            "leakhound_leak_state",
            "Verdict per target and signal: 0 no leak or not enough data, 1 suspect, 2 leak.");
    Family growth =
        f.gauge(
            "leakhound_signal_growth_per_hour",
            "Fitted growth of the signal, in its unit per hour.");
    Family ttl =
        f.gauge(
            "leakhound_signal_time_to_limit_seconds",
            "Time until the signal reaches its limit at the fitted growth.");
    Family open = f.gauge("leakhound_reports_open", "1 while the target has an open leak report.");
    for (TargetRuntime rt : watcher.targets()) {
      Map<String, String> t = Map.of("target", rt.name());
      TargetHealth h = rt.health();
      up.add(t, h.up() ? 1 : 0);
      TargetState s = rt.state();
      for (TargetState each : TargetState.values()) {
        state.add(Map.of("target", rt.name(), "state", each.id()), each == s ? 1 : 0);
      }
      duration.add(t, h.lastDurationMs() / 1000.0);
      scrapes.add(t, h.scrapes());
      errors.add(t, h.errors());
      ScrapeScheduler.Entry e = entries.get(rt.name());
      missed.add(t, e == null ? 0 : e.missed());
      open.add(t, rt.openReport() == null ? 0 : 1);
      for (SignalVerdict v : rt.verdicts().values()) {
        Map<String, String> ts = Map.of("target", rt.name(), "signal", v.signal());
        leak.add(ts, Math.max(0, SignalVerdict.rank(v.verdict()) - 1));
        if (v.growthPerHour() != null) {
          growth.add(ts, v.growthPerHour());
        }
        if (v.timeToLimitSeconds() != null) {
          ttl.add(ts, v.timeToLimitSeconds());
        }
      }
    }
    Family alertCount = f.gauge("leakhound_alerts", "Alerts by state.");
    long pending = 0;
    long firing = 0;
    for (AlertRecord a : alerts.active()) {
      if (a.state().equals(AlertRecord.FIRING)) {
        firing++;
      } else {
        pending++;
      }
    }
    alertCount.add(Map.of("state", "pending"), pending);
    alertCount.add(Map.of("state", "firing"), firing);
    Family outbox =
        f.gauge(
            "leakhound_deliveries_pending", "Alert messages waiting in the outbox, per receiver.");
    store.alerts().pendingByReceiver().forEach((r, n) -> outbox.add(Map.of("receiver", r), n));
    f.counter("leakhound_samples_written_total", "Samples committed to the store by this process.")
        .add(Map.of(), store.samples().written());
    return f.build();
  }

  /** Families under construction. */
  private static final class Families {
    private final List<Family> list = new ArrayList<>();

    Family gauge(String name, String help) {
      Family fam = new Family(name, MetricType.GAUGE, help);
      list.add(fam);
      return fam;
    }

    Family counter(String name, String help) {
      Family fam = new Family(name, MetricType.COUNTER, help);
      list.add(fam);
      return fam;
    }

    Exposition build() {
      List<MetricFamily> out = new ArrayList<>();
      for (Family fam : list) {
        out.add(new MetricFamily(fam.name, fam.type, fam.help, "", fam.samples));
      }
      return new Exposition(ExpositionFormat.TEXT, out);
    }
  }

  /** One family under construction. */
  private static final class Family {
    final String name;
    final MetricType type;
    final String help;
    final List<MetricSample> samples = new ArrayList<>();

    Family(String name, MetricType type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }

    void add(Map<String, String> labels, double value) {
      samples.add(
          new MetricSample(
              name,
              java.util.Collections.unmodifiableMap(
                  new LinkedHashMap<>(new java.util.TreeMap<>(labels))),
              value,
              MetricSample.NO_TIMESTAMP));
    }
  }
}
