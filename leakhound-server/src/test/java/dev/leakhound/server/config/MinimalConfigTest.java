package dev.leakhound.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.server.WatchService;
import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.support.Api;
import dev.leakhound.server.support.Await;
import dev.leakhound.testkit.LabProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's minimal configuration file, as written (only the two port numbers are free ones, so
 * the test does not collide with a real service): the watch service starts from it, puts its store
 * in ./leakhound-data beside the file, scrapes a real go-shop every 15 s and captures its first
 * baseline profiles, all with defaults.
 */
class MinimalConfigTest {
  @TempDir Path dir;

  @Test
  void theIssuesMinimalFileWatchesAGoServiceAsWritten() throws Exception {
    try (LabProcess shop = LabProcess.startGoShop("steady", 16384, 4096)) {
      int shopPort = URI.create(shop.baseUrl()).getPort();
      int listen = freePort();
      Path file = dir.resolve("leakhound.yaml");
      Files.writeString(
          file,
          """
          dataDir: ./leakhound-data
          listen: 127.0.0.1:9464
          targets:
            - name: shop
              kind: go
              address: http://127.0.0.1:8080
              interval: 15s
          """
              .replace("9464", Integer.toString(listen))
              .replace("8080", Integer.toString(shopPort)));

      WatchConfig c = ConfigLoader.load(file, CollectorRegistry.standard().specs());
      try (WatchService s = WatchService.start(c, "test")) {
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:" + listen);
        Api api = new Api(s.baseUrl(), null);
        // The first slot lies somewhere within the first 15 s interval.
        Await.until(
            "shop is scraped and its baselines captured",
            Duration.ofSeconds(60),
            () ->
                api.target("shop").get("scrapes").asLong() >= 1
                    && api.json("/api/v1/profiles?target=shop").size() >= 2);

        JsonNode t = api.target("shop");
        assertThat(t.get("kind").asText()).isEqualTo("go");
        assertThat(t.get("state").asText()).isEqualTo("ok");
        assertThat(t.get("lastError").isNull()).isTrue();
        assertThat(t.get("values").get("goroutines").asDouble()).isPositive();
        assertThat(api.get("/healthz").statusCode()).isEqualTo(200);
      }
      assertThat(dir.resolve("leakhound-data")).isDirectory();
      try (var files = Files.list(dir.resolve("leakhound-data"))) {
        assertThat(files.map(p -> p.getFileName().toString())).contains("leakhound.db");
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
