package dev.leakhound.server.alert;

import dev.leakhound.server.collect.Scrape;
import dev.leakhound.server.config.ReceiverConfig;
import dev.leakhound.server.config.RuleConfig;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.AlertRecord;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.watch.TargetRuntime;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates the alerting rules after every evaluation: for each rule and target, the condition (the
 * verdict reaches the rule's level, or the latest value passes the threshold) moves the alert from
 * inactive to pending, to firing once it has held for {@code for}, and to resolved when it stops
 * holding. Firing and resolving queue a message per receiver in the outbox; a firing alert is
 * re-queued to Alertmanager receivers every resend interval (Alertmanager expects alerts to be
 * repeated while active).
 *
 * <p>Runs on the evaluator's thread; {@link #active()} may be read from any thread.
 */
public final class AlertEngine {
  private static final Logger LOG = Logger.getLogger(AlertEngine.class.getName());

  private final WatchConfig config;
  private final Store store;
  private final Map<String, AlertRecord> alerts = new java.util.concurrent.ConcurrentHashMap<>();

  public AlertEngine(WatchConfig config, Store store) throws SQLException {
    this.config = config;
    this.store = store;
    for (AlertRecord a : store.alerts().list(null, 100_000)) {
      if (!AlertRecord.RESOLVED.equals(a.state())) {
        alerts.put(a.fingerprint(), a);
      }
    }
  }

  /** Alerts pending or firing now. */
  public List<AlertRecord> active() {
    return List.copyOf(alerts.values());
  }

  /** Evaluates every rule against every target at {@code now}. */
  public void evaluate(List<TargetRuntime> targets, long now) {
    for (RuleConfig rule : config.rules()) {
      for (TargetRuntime rt : targets) {
        if (!rule.appliesTo(rt.name())) {
          continue;
        }
        try {
          step(rule, rt, now);
        } catch (SQLException | RuntimeException e) {
          LOG.log(Level.WARNING, "alert rule " + rule.name() + " on " + rt.name() + " failed", e);
        }
      }
    }
  }

  private void step(RuleConfig rule, TargetRuntime rt, long now) throws SQLException {
    String fingerprint = rule.name() + "/" + rt.name();
    double value = Double.NaN;
    boolean holds;
    if (rule.isLeakRule() && rule.leakLevel().equals(SignalVerdict.LEAK)) {
      // A leak alert is the report's: it fires once the report is written (so its first message
      // already links the report and names the pattern) and resolves when the report does.
      holds = rt.openReport() != null;
    } else if (rule.isLeakRule()) {
      int need = SignalVerdict.rank(rule.leakLevel());
      int worst = 0;
      for (SignalVerdict v : rt.verdicts().values()) {
        worst = Math.max(worst, SignalVerdict.rank(v.verdict()));
      }
      holds = worst >= need;
    } else {
      Scrape s = rt.lastScrape();
      long fresh =
          2 * rt.config().interval().toMillis() + config.evaluation().interval().toMillis();
      value = s == null || now - s.timeMillis() > fresh ? Double.NaN : s.value(rule.signal());
      holds = !Double.isNaN(value) && rule.holds(value);
    }
    AlertRecord a = alerts.get(fingerprint);
    if (holds) {
      if (a == null) {
        a = record(rule, rt, fingerprint, AlertRecord.PENDING, now, 0, 0, 0, value);
      }
      if (a.state().equals(AlertRecord.PENDING)
          && now - a.activeSince() >= rule.holdFor().toMillis()) {
        a = record(rule, rt, fingerprint, AlertRecord.FIRING, a.activeSince(), now, 0, now, value);
        a = store.alerts().save(a);
        alerts.put(fingerprint, a);
        store.targets().addEvent(rt.name(), now, "alert-firing", rule.name());
        send(a, now, true);
        return;
      }
      if (a.state().equals(AlertRecord.FIRING) && resendDue(a, now)) {
        a =
            record(
                rule,
                rt,
                fingerprint,
                AlertRecord.FIRING,
                a.activeSince(),
                a.firedAt(),
                0,
                now,
                value);
        a = store.alerts().save(a);
        alerts.put(fingerprint, a);
        send(a, now, false);
        return;
      }
      if (a.id() == 0) {
        a = store.alerts().save(a);
      }
      alerts.put(fingerprint, a);
    } else if (a != null) {
      alerts.remove(fingerprint);
      boolean wasFiring = a.state().equals(AlertRecord.FIRING);
      AlertRecord resolved =
          record(
              rule,
              rt,
              fingerprint,
              AlertRecord.RESOLVED,
              a.activeSince(),
              a.firedAt(),
              now,
              now,
              a.value());
      resolved = store.alerts().save(resolved);
      if (wasFiring) {
        store.targets().addEvent(rt.name(), now, "alert-resolved", rule.name());
        send(resolved, now, true);
      }
    }
  }

  private boolean resendDue(AlertRecord a, long now) {
    Duration shortest = null;
    for (ReceiverConfig r : config.receivers()) {
      if (r.kind().equals(ReceiverConfig.ALERTMANAGER)
          && (shortest == null || r.resendInterval().compareTo(shortest) < 0)) {
        shortest = r.resendInterval();
      }
    }
    return shortest != null && now - a.lastSentAt() >= shortest.toMillis();
  }

  /** Queues {@code a} for the receivers; webhooks only hear about state changes. */
  private void send(AlertRecord a, long now, boolean stateChange) throws SQLException {
    for (ReceiverConfig r : config.receivers()) {
      boolean am = r.kind().equals(ReceiverConfig.ALERTMANAGER);
      if (!am && !stateChange) {
        continue;
      }
      String payload =
          am
              ? AlertPayloads.alertmanager(a, generatorUrl(a), r.resendInterval(), now)
              : AlertPayloads.webhook(a, r.name(), config.externalUrl());
      store.alerts().enqueue(a.id(), r.name(), payload, now, am);
    }
  }

  private String generatorUrl(AlertRecord a) {
    return config.externalUrl() + "/dashboard/#/targets/" + a.target();
  }

  private AlertRecord record(
      RuleConfig rule,
      TargetRuntime rt,
      String fingerprint,
      String state,
      long activeSince,
      long firedAt,
      long resolvedAt,
      long lastSentAt,
      double value) {
    Map<String, String> labels = new LinkedHashMap<>(rt.config().labels());
    labels.putAll(rule.labels());
    labels.put("alertname", rule.name());
    labels.put("target", rt.name());
    labels.put("severity", rule.severity());
    labels.put("source", "leakhound");
    if (!rule.isLeakRule()) {
      labels.put("signal", rule.signal().id());
    }
    Map<String, String> annotations = new HashMap<>(rule.annotations());
    LeakReport report = rt.openReport();
    if (rule.isLeakRule()) {
      annotations.putIfAbsent(
          "summary",
          rt.name() + ": memory " + (rule.leakLevel().equals("leak") ? "leak" : "may be leaking"));
      if (report != null) {
        annotations.putIfAbsent("description", report.summary());
        annotations.put("report", config.externalUrl() + "/api/v1/reports/" + report.id());
        if (report.pattern() != null) {
          annotations.put("pattern", report.pattern());
        }
      }
    } else {
      Signal s = rule.signal();
      String shown =
          s.unit() == Signal.Unit.BYTES ? Units.formatBytes(value) : Double.toString(value);
      annotations.putIfAbsent("summary", rt.name() + ": " + rule.text());
      annotations.putIfAbsent(
          "description", s.description() + " is " + shown + " (" + rule.text() + ")");
    }
    return new AlertRecord(
        0,
        fingerprint,
        rule.name(),
        rt.name(),
        state,
        labels,
        annotations,
        activeSince,
        firedAt,
        resolvedAt,
        lastSentAt,
        value);
  }
}
