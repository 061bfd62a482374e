package dev.leakhound.server.alert;

import dev.leakhound.server.config.ReceiverConfig;
import dev.leakhound.server.store.AlertStore;
import dev.leakhound.server.store.DeliveryRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every half second, POSTs the messages that are due, oldest first per alert
 * and receiver; a 2xx marks a message delivered, a failure schedules a retry with exponential
 * backoff (1 s, 2 s, 4 s... at most 5 min) until the receiver's {@code giveUpAfter} has passed. A
 * 4xx other than 408 and 429 will not get better with retries and fails the message at once.
 *
 * <p>One thread. Thread-safe to start and stop.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final long MAX_BACKOFF_MILLIS = 5 * 60_000L;

  private final AlertStore outbox;
  private final Map<String, ReceiverConfig> receivers;
  private final Clock clock;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("leakhound-dispatcher").daemon(true).unstarted(r));

  public Dispatcher(AlertStore outbox, List<ReceiverConfig> receivers, Clock clock) {
    this.outbox = outbox;
    this.receivers =
        receivers.stream()
            .collect(java.util.stream.Collectors.toMap(ReceiverConfig::name, Function.identity()));
    this.clock = clock;
  }

  public void start() {
    timer.scheduleWithFixedDelay(this::deliverDue, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** Sends what is due now (public for tests). */
  public void deliverDue() {
    try {
      for (DeliveryRecord d : outbox.due(clock.millis(), 100)) {
        deliver(d);
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "delivering alerts failed", e);
    }
  }

  private void deliver(DeliveryRecord d) throws java.sql.SQLException {
    ReceiverConfig r = receivers.get(d.receiver());
    long now = clock.millis();
    if (r == null) {
      outbox.attempted(
          d.id(), DeliveryRecord.FAILED, d.attempts(), now, "receiver no longer configured", now);
      return;
    }
    String error;
    boolean permanent = false;
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(target(r))
              .timeout(r.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "leakhound")
              .POST(HttpRequest.BodyPublishers.ofString(d.payload()));
      r.headers().forEach(b::header);
      HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      int status = resp.statusCode();
      if (status >= 200 && status < 300) {
        outbox.attempted(
            d.id(), DeliveryRecord.DELIVERED, d.attempts() + 1, now, "", clock.millis());
        return;
      }
      String body = resp.body() == null ? "" : resp.body().strip();
      error =
          "HTTP "
              + status
              + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(200, body.length())));
      permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    int attempts = d.attempts() + 1;
    boolean giveUp = permanent || now - d.createdAt() >= r.giveUpAfter().toMillis();
    long next = now + Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(attempts - 1, 20));
    outbox.attempted(
        d.id(),
        giveUp ? DeliveryRecord.FAILED : DeliveryRecord.PENDING,
        attempts,
        next,
        error,
        now);
  }

  private static URI target(ReceiverConfig r) {
    if (r.kind().equals(ReceiverConfig.ALERTMANAGER)) {
      String base = r.url().toString();
      return URI.create(
          (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v2/alerts");
    }
    return r.url();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.shutdownNow();
  }
}
