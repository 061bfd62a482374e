package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.cli.ExitCodes;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} and {@code check} as scripts use them: exit codes, messages, output formats. */
class WatchCommandsTest {
  @TempDir Path dir;

  @Test
  void aMissingConfigurationIsBadUsage() {
    Cli.Result r = Cli.run("serve", "--config", dir.resolve("nope.yaml").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no such configuration file: " + dir.resolve("nope.yaml"));
  }

  @Test
  void anInvalidConfigurationListsEveryProblemAndStartsNothing() throws Exception {
    Path file = dir.resolve("leakhound.yaml");
    Files.writeString(
        file,
        """
        listen: 127.0.0.1
        targets:
          - {name: shop, kind: go, interval: 15}
        """);

    Cli.Result r = Cli.run("serve", "--config", file.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .isEqualTo(
            """
            leakhound: the configuration has 3 problems; nothing was started:
              %1$s:1: listen: expected host:port like 127.0.0.1:9464, found '127.0.0.1'
              %1$s:3: targets[0].address: expected an address for a go target
              %1$s:3: targets[0].interval: expected a duration like 15s, 1m or 2h30m (a number needs a unit), found '15'
            """
                .formatted(file));
    assertThat(Files.exists(dir.resolve("leakhound-data"))).isFalse();
  }

  @Test
  void checkRefusesABadDurationAndThePprofFormat() throws Exception {
    Path file = config(dir, "http://127.0.0.1:1/metrics");

    assertThat(Cli.run("check", "--config", file.toString(), "--duration", "soon").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            Cli.run("check", "--config", file.toString(), "--duration", "1m", "--format", "pprof")
                .err())
        .contains("check writes text, json or junit");
  }

  @Test
  void checkExitsThreeWithTheReportWhenAGoroutineCountKeepsGrowing() throws Exception {
    long start = System.currentTimeMillis();
    try (Fake target = new Fake(now -> 20 + (now - start) / 100)) {
      Path file = config(dir, target.url());

      Cli.Result r =
          Cli.run("check", "--config", file.toString(), "--duration", "20s", "--format", "json");

      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.LEAK_FOUND);
      JsonNode json = JsonRenderer.mapper().readTree(r.out());
      JsonNode t = json.get("targets").get(0);
      assertThat(names(t)).startsWith("name", "verdict", "culprits", "goroutineGroups");
      assertThat(t.get("name").asText()).isEqualTo("svc");
      assertThat(t.get("verdict").asText()).isEqualTo("leak");
      assertThat(t.get("reportId").asLong()).isPositive();
      assertThat(t.get("summary").asText()).startsWith("svc is leaking: goroutines grows");
      assertThat(json.get("leakFound").asBoolean()).isTrue();
      assertThat(r.err()).contains("leakhound check: watching 1 target for 20s");
    }
  }

  @Test
  void checkExitsZeroForAFlatSignalAndWritesJunit() throws Exception {
    try (Fake target = new Fake(now -> 20 + (now / 1000) % 3)) {
      Path file = config(dir, target.url());
      Path xml = dir.resolve("leakhound.xml");

      Cli.Result r =
          Cli.run(
              "check",
              "--config",
              file.toString(),
              "--duration",
              "15s",
              "--format",
              "junit",
              "-o",
              xml.toString());

      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
      String junit = Files.readString(xml);
      assertThat(junit)
          .startsWith(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"leakhound check\" tests=\"1\" failures=\"0\"")
          .contains("<testcase classname=\"leakhound\" name=\"svc\"")
          .doesNotContain("<failure");
    }
  }

  private static Path config(Path dir, String url) throws Exception {
    Path file = dir.resolve("check.yaml");
    Files.writeString(
        file,
        """
        dataDir: ./data
        listen: 127.0.0.1:0
        evaluation: {interval: 1s, warmUp: 1s, minimumSpan: 4s, minimumLeak: 5s, plateauWindow: 3s}
        targets:
          - {name: svc, kind: prometheus, address: "%s", interval: 200ms}
        """
            .formatted(url));
    return file;
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** Serves go_goroutines as a function of the time, and a fixed process start time. */
  private static final class Fake implements AutoCloseable {
    private final HttpServer server;

    Fake(LongFunction<Long> goroutines) throws Exception {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/metrics",
          x -> {
            byte[] body =
                ("# TYPE go_goroutines gauge\ngo_goroutines "
                        + goroutines.apply(System.currentTimeMillis())
                        + "\nprocess_start_time_seconds 1700000000\n")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
