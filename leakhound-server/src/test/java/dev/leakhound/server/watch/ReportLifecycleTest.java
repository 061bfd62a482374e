package dev.leakhound.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.store.EventRecord;
import dev.leakhound.server.support.Await;
import dev.leakhound.server.support.Configs;
import dev.leakhound.server.support.HostileServer;
import dev.leakhound.server.support.Judges;
import dev.leakhound.server.support.RecordingWebhook;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report's life with the verdicts scripted: a suspect opens nothing, a leak opens a report, a
 * no-leak resolves it and starts a new segment, and a restart of the process resolves one too. The
 * default leak rule's alert follows: sent with a link to the report, resolved with it. Not enough
 * data, or a no-leak while the level still climbs, keeps a report open.
 */
class ReportLifecycleTest {
  @TempDir Path dir;

  @Test
  void suspectOpensNothingLeakOpensNoLeakAndRestartsResolve() throws Exception {
    AtomicReference<String> verdict = new AtomicReference<>(SignalVerdict.INSUFFICIENT_DATA);
    AtomicReference<Double> level = new AtomicReference<>(7.0);
    SignalJudge scripted =
        (series, now) ->
            new SignalVerdict(
                series.signal().id(),
                verdict.get(),
                3600.0,
                1800.0,
                5400.0,
                0.99,
                9000.0,
                1e9,
                series.size(),
                series.size() == 0 ? 0 : series.t()[0],
                series.size() == 0 ? 0 : series.t()[series.size() - 1],
                Instant.ofEpochMilli(now).toString(),
                "scripted",
                6.0,
                level.get(),
                "series start",
                "still-growing",
                "no-load-signal");
    try (HostileServer target = new HostileServer();
        RecordingWebhook hook = new RecordingWebhook();
        WatchService s =
            WatchService.start(
                Configs.parse(
                    dir,
                    """
                    listen: 127.0.0.1:0
                    evaluation: {interval: 300ms}
                    targets:
                      - {name: svc, kind: prometheus, address: %s/good/metrics, interval: 200ms}
                    receivers:
                      - {name: chat, kind: webhook, url: %s}
                    """
                        .formatted(target.base(), hook.url())),
                CollectorRegistry.standard(),
                scripted,
                Judges.nothing(),
                "test")) {
      TargetRuntime rt = s.watcher().target("svc");
      Await.until("the target is judged", Duration.ofSeconds(20), () -> !rt.verdicts().isEmpty());

      verdict.set(SignalVerdict.SUSPECT);
      Await.until(
          "the target is suspect", Duration.ofSeconds(20), () -> rt.state() == TargetState.SUSPECT);
      Thread.sleep(1500);
      assertThat(s.store().reports().list("svc", null, 10))
          .as("a suspect opens no report")
          .isEmpty();

      verdict.set(SignalVerdict.LEAK);
      Await.until("a report opens", Duration.ofSeconds(20), () -> !open(s).isEmpty());
      LeakReport first = open(s).get(0);
      assertThat(first.verdict()).isEqualTo("leak");
      assertThat(first.summary())
          .startsWith("svc is leaking: ")
          .contains("goroutines grows 3600/h (1800 to 5400/h)")
          .contains("At this rate the limit is reached in about ");
      assertThat(first.timeToLimitSeconds()).isEqualTo(9000.0);
      assertThat(rt.state()).isEqualTo(TargetState.LEAK);
      // The default leak rule fires with a link to the report.
      Await.until(
          "the leak alert is sent", Duration.ofSeconds(20), () -> hook.received().size() >= 1);
      JsonNode firing = JsonRenderer.mapper().readTree(hook.received().get(0));
      assertThat(firing.get("status").asText()).isEqualTo("firing");
      assertThat(firing.get("alert").get("name").asText()).isEqualTo("MemoryLeak");
      assertThat(firing.get("alert").get("annotations").get("report").asText())
          .endsWith("/api/v1/reports/" + first.id());

      // Not enough data (a change point, sparse floor points) is no evidence either way, and a
      // no-leak while the level still climbs at the reported pace is not trusted: both keep the
      // report open.
      verdict.set(SignalVerdict.INSUFFICIENT_DATA);
      Thread.sleep(1500);
      level.set(1e9);
      verdict.set(SignalVerdict.NO_LEAK);
      Thread.sleep(1500);
      assertThat(open(s)).as("a leak whose evidence is only interrupted").hasSize(1);

      level.set(7.0);
      Await.until("the report resolves", Duration.ofSeconds(20), () -> open(s).isEmpty());
      Await.until(
          "the leak alert resolves", Duration.ofSeconds(20), () -> hook.received().size() >= 2);
      JsonNode resolvedAlert = JsonRenderer.mapper().readTree(hook.received().get(1));
      assertThat(resolvedAlert.get("status").asText()).isEqualTo("resolved");
      assertThat(resolvedAlert.get("alert").get("name").asText()).isEqualTo("MemoryLeak");
      LeakReport resolved = s.store().reports().get(first.id());
      assertThat(resolved.state()).isEqualTo("resolved");
      assertThat(resolved.resolvedReason()).isEqualTo("the signals stopped growing");
      assertThat(rt.state()).isEqualTo(TargetState.OK);

      verdict.set(SignalVerdict.LEAK);
      Await.until("a second report opens", Duration.ofSeconds(20), () -> !open(s).isEmpty());
      target.startTime(1_800_000_000.0);
      Await.until(
          "the second report resolved because of the restart",
          Duration.ofSeconds(20),
          () ->
              s.store().reports().list("svc", "resolved", 10).stream()
                  .anyMatch(r -> r.resolvedReason().equals("the process restarted")));
      List<EventRecord> events = s.store().targets().events("svc", 0, Long.MAX_VALUE, 100);
      assertThat(events)
          .extracting(EventRecord::kind)
          .contains("report-opened", "report-resolved", "restart");
    }
  }

  private static List<LeakReport> open(WatchService s) throws Exception {
    return s.store().reports().list("svc", LeakReport.OPEN, 10);
  }
}
