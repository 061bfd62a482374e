package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.testkit.RepoRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real heap dumps, taken at test time with {@code jcmd GC.heap_dump} (plain and {@code -gz=1}) from
 * a leaking program running on JDK 17 and on JDK 25 (their dumps differ: 25 dumps in parallel and
 * writes more sub-records). The program is {@code bench/hprof/HeapGen.java}: a price feed whose
 * checkout listeners are never removed and a static session map that only grows.
 */
class HprofRealDumpTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {17, 25})
  void theListenerLeakIsTheTopSuspectWithItsPathToTheStaticField(int version) throws Exception {
    Path jdk = jdk(version);
    Process shop =
        new ProcessBuilder(
                jdk.resolve("bin/java").toString(),
                "-Xmx256m",
                RepoRoot.resolve("bench/hprof/HeapGen.java").toString(),
                "200000")
            .redirectErrorStream(true)
            .start();
    try {
      awaitReady(shop);
      Path plain = dump(jdk, shop, dir.resolve("shop.hprof"), false);
      Path gzipped = dump(jdk, shop, dir.resolve("shop.hprof.gz"), true);
      for (Path file : List.of(plain, gzipped)) {
        Cli.Result result = Cli.run("hprof", file.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JsonRenderer.mapper().readTree(result.out());
        assertThat(json.get("partial").asBoolean()).isFalse();
        JsonNode top = json.get("suspects").get(0);
        assertThat(top.get("className").asText()).isEqualTo("class HeapGen$PriceFeed");
        assertThat(strings(top.get("pathToRoot")))
            .containsExactly(
                "static HeapGen$PriceFeed.INSTANCE",
                "HeapGen$PriceFeed.listeners",
                "ArrayList.elementData",
                "Object[]",
                "HeapGen$CheckoutPriceListener");
        assertThat(top.get("pattern").asText()).isEqualTo("listener-never-removed");
        JsonNode map = json.get("suspects").get(1);
        assertThat(strings(map.get("pathToRoot")))
            .startsWith("static HeapGen.SESSIONS", "ConcurrentHashMap.table")
            .endsWith("HeapGen$Session");
        assertThat(map.get("pattern").asText()).isEqualTo("static-collection");
      }
    } finally {
      shop.destroyForcibly();
      shop.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Waits (at most two minutes) for the program to print that its graph is built. */
  static void awaitReady(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("ready")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    throw new AssertionError("the leaking program never became ready");
  }

  static Path dump(Path jdk, Process process, Path file, boolean gzip) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(jdk.resolve("bin/jcmd").toString());
    command.add(Long.toString(process.pid()));
    command.add("GC.heap_dump");
    if (gzip) {
      command.add("-gz=1");
    }
    command.add(file.toString());
    Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jcmd.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(Files.size(file)).as(output).isPositive();
    return file;
  }

  /** A JDK of this feature version under /usr/lib/jvm; skips the test when there is none. */
  static Path jdk(int version) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    Path found = null;
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        for (Path home : homes.sorted().toList()) {
          Path release = home.resolve("release");
          if (Files.isRegularFile(release)
              && Files.isExecutable(home.resolve("bin/jcmd"))
              && Files.readString(release).contains("JAVA_VERSION=\"" + version)) {
            found = home;
            break;
          }
        }
      }
    }
    assumeTrue(found != null, "no JDK " + version + " under /usr/lib/jvm; skipping");
    return found;
  }
}
