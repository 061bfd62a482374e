package dev.leakhound.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.testkit.Processes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (Debian's {@code prometheus}) on 127.0.0.1 on a free port, scraping the
 * given jobs every second, with a temporary TSDB; always stopped by {@link #close}. Tests are
 * skipped with a message when the binary is absent.
 */
public final class Prometheus implements AutoCloseable {
  public static final String BINARY = "/usr/bin/prometheus";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Process process;
  private final int port;

  /** Starts Prometheus scraping {@code jobs} (job name to {@code host:port/path} URL). */
  public Prometheus(Path dir, Map<String, String> jobs) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of(BINARY)),
        BINARY
            + " is missing: install the Debian package prometheus (bin/lib/install-packages.sh does)");
    Files.createDirectories(dir.resolve("data"));
    StringBuilder yaml =
        new StringBuilder(
            "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n");
    for (Map.Entry<String, String> job : jobs.entrySet()) {
      URI u = URI.create(job.getValue());
      yaml.append("  - job_name: ")
          .append(job.getKey())
          .append('\n')
          .append("    metrics_path: ")
          .append(u.getPath())
          .append('\n')
          .append("    static_configs: [{targets: ['")
          .append(u.getHost())
          .append(':')
          .append(u.getPort())
          .append("']}]\n");
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, yaml);
    port = Processes.freePort();
    process =
        new ProcessBuilder(
                BINARY,
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    try {
      Await.until(
          "Prometheus is ready", Duration.ofSeconds(60), () -> get("/-/ready").statusCode() == 200);
    } catch (Exception | AssertionError e) {
      close();
      throw e;
    }
  }

  /** The result vector of an instant query. */
  public JsonNode query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> r =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode body = JsonRenderer.mapper().readTree(r.body());
    if (!"success".equals(body.path("status").asText())) {
      throw new AssertionError("query " + promql + " failed: " + r.body());
    }
    return body.get("data").get("result");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
