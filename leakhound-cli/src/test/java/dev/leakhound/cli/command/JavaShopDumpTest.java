package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.testkit.RepoRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab's java-shop (lab/java-shop/README.md names the culprits) run with its three leaks under a
 * bounded number of requests on JDK 17 and JDK 25, dumped with jcmd (plain and gzipped): the
 * listener leak must be the top suspect with its path to {@code PriceFeed.INSTANCE}, the audit
 * log's static map and the ThreadLocal on the pooled workers must be found with their paths.
 */
class JavaShopDumpTest {
  private static final Map<String, Integer> REQUESTS =
      Map.of("listener-leak", 600, "static-map-leak", 300, "threadlocal-leak", 300);

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {17, 25})
  void theShopsLeaksAreFoundWithTheirPathsToGcRoots(int version) throws Exception {
    Path jdk = HprofRealDumpTest.jdk(version);
    Path jar = shopJar();
    Process shop =
        new ProcessBuilder(
                jdk.resolve("bin/java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--scenarios",
                "listener-leak,static-map-leak,threadlocal-leak",
                "--leak-bytes",
                "8192")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String base = awaitListening(shop);
      load(base);
      Path plain = HprofRealDumpTest.dump(jdk, shop, dir.resolve("shop.hprof"), false);
      Path gzipped = HprofRealDumpTest.dump(jdk, shop, dir.resolve("shop.hprof.gz"), true);
      for (Path file : List.of(plain, gzipped)) {
        Cli.Result result = Cli.run("hprof", file.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode suspects = JsonRenderer.mapper().readTree(result.out()).get("suspects");
        JsonNode top = suspects.get(0);
        assertThat(top.get("className").asText())
            .isEqualTo("class dev.leakhound.lab.javashop.PriceFeed");
        assertThat(HprofRealDumpTest.strings(top.get("pathToRoot")))
            .containsExactly(
                "static PriceFeed.INSTANCE",
                "PriceFeed.listeners",
                "ArrayList.elementData",
                "Object[]",
                "CheckoutPriceListener");
        assertThat(top.get("pattern").asText()).isEqualTo("listener-never-removed");
        assertThat(suspects.toString())
            .contains("\"static OrderAuditLog.ENTRIES_BY_ORDER_ID\",\"HashMap.table\"")
            .contains("\"HashMap$Node.value\",\"AuditEntry\"")
            .contains("\"Thread.threadLocals\"")
            .contains("\"threadlocal-in-pool\"");
      }
    } finally {
      shop.destroy();
      if (!shop.waitFor(10, TimeUnit.SECONDS)) {
        shop.destroyForcibly();
      }
    }
  }

  /** lab/bin/java-shop.jar, built with the lab's own script when missing; skips without javac. */
  static Path shopJar() throws Exception {
    Path jar = RepoRoot.resolve("lab/bin/java-shop.jar");
    Path build = RepoRoot.resolve("lab/java-shop/build.sh");
    if (Files.isRegularFile(build)) {
      Process p = new ProcessBuilder("bash", build.toString()).inheritIO().start();
      p.waitFor(3, TimeUnit.MINUTES);
    }
    assumeTrue(Files.isRegularFile(jar), "lab/bin/java-shop.jar cannot be built here; skipping");
    return jar;
  }

  static String awaitListening(Process shop) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(shop.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).startsWith("listening on ");
    return "http://" + first.substring("listening on ".length());
  }

  /** A bounded number of requests to each leak's route, as /lab/routes describes them. */
  static void load(String base) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String routes =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/lab/routes")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (JsonNode route : JsonRenderer.mapper().readTree(routes).get("routes")) {
      int count = REQUESTS.getOrDefault(route.get("scenario").asText(), 0);
      for (int i = 0; i < count; i++) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(base + route.get("path").asText()))
                .timeout(Duration.ofSeconds(10));
        if (route.get("method").asText().equals("POST")) {
          request.POST(HttpRequest.BodyPublishers.ofString(route.get("body").asText()));
        }
        HttpResponse<Void> response =
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isLessThan(400);
      }
    }
  }
}
