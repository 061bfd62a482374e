package dev.leakhound.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.testkit.Processes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) started on 127.0.0.1 on
 * a free port with a temporary configuration and storage directory, clustering off; always stopped
 * by {@link #close}. Tests are skipped with a message when the binary is absent.
 */
public final class Alertmanager implements AutoCloseable {
  public static final String BINARY = "/usr/bin/prometheus-alertmanager";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Process process;
  private final int port;

  public Alertmanager(Path dir) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of(BINARY)),
        BINARY
            + " is missing: install the Debian package prometheus-alertmanager"
            + " (bin/lib/install-packages.sh does)");
    Files.createDirectories(dir.resolve("data"));
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(
        config,
        """
        route:
          receiver: blackhole
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: blackhole
        """);
    port = Processes.freePort();
    process =
        new ProcessBuilder(
                BINARY,
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    try {
      Await.until(
          "Alertmanager is ready",
          Duration.ofSeconds(30),
          () -> get("/-/ready").statusCode() == 200);
    } catch (Exception | AssertionError e) {
      close();
      throw e;
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code GET /api/v2/alerts} (active, silenced, inhibited and unprocessed ones). */
  public JsonNode alerts() throws IOException, InterruptedException {
    return JsonRenderer.mapper().readTree(get("/api/v2/alerts").body());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
