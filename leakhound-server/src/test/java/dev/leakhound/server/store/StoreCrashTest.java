package dev.leakhound.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.server.signal.Signal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at any moment loses at most what was not yet committed, and the next start carries on
 * with the same file: a real child process writes samples and is killed with SIGKILL mid-stream,
 * three times over the same data directory.
 */
class StoreCrashTest {
  @TempDir Path dir;

  @Test
  void aSigkilledWriterLosesOnlyUncommittedSamplesAndTheFileCarriesOn() throws Exception {
    long t0 = 1_000_000;
    long lastCommittedTime = t0 - 1;
    for (int round = 0; round < 3; round++) {
      Process child =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "--enable-native-access=ALL-UNNAMED",
                  StoreChild.class.getName(),
                  dir.toString(),
                  Long.toString(lastCommittedTime + 1))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      List<String> seen = new ArrayList<>();
      long committedTime = -1;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        // Different rounds kill at different depths into the stream.
        int linesBeforeKill = 20 + round * 37;
        for (String line; seen.size() < linesBeforeKill && (line = out.readLine()) != null; ) {
          seen.add(line);
          committedTime = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        child.destroyForcibly(); // SIGKILL on Linux
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
      }
      assertThat(seen).as("the child's output").isNotEmpty();
      assertThat(child.exitValue()).isEqualTo(137);

      try (Store store = Store.open(dir, 50)) {
        SeriesData floor =
            store
                .samples()
                .range("shop", Signal.HEAP_FLOOR, t0, Long.MAX_VALUE / 2, Integer.MAX_VALUE, 0);
        // Everything reported committed is there, contiguous from the first sample.
        assertThat(floor.size()).isGreaterThanOrEqualTo((int) (committedTime - t0 + 1));
        for (int i = 0; i < floor.size(); i++) {
          assertThat(floor.t()[i]).isEqualTo(t0 + i);
          assertThat(floor.v()[i]).isEqualTo((t0 + i) * 2.0);
        }
        // Every scrape is whole: the three signals of a time were committed together.
        assertThat(
                store
                    .samples()
                    .range("shop", Signal.RSS, t0, Long.MAX_VALUE / 2, Integer.MAX_VALUE, 0)
                    .size())
            .isEqualTo(floor.size());
        lastCommittedTime = floor.t()[floor.size() - 1];
        // The reopened file takes new writes.
        store
            .samples()
            .append(
                "shop",
                lastCommittedTime + 1,
                Map.of(
                    Signal.HEAP_FLOOR,
                    (lastCommittedTime + 1) * 2.0,
                    Signal.GOROUTINES,
                    7.0,
                    Signal.RSS,
                    1e6));
        store.database().write(c -> null);
        lastCommittedTime++;
      }
    }
  }
}
