package dev.leakhound.server.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.support.Configs;
import dev.leakhound.testkit.Processes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process collector on real processes: by pid, by command line, and across a restart. */
class ProcessCollectorTest {
  @TempDir Path dir;

  @Test
  void aProcessFoundByItsCommandLineGivesRssThreadsFilesAndARestart() throws Exception {
    String name = "leakhound-test-" + UUID.randomUUID();
    Process first = sleeper(name);
    try (HttpFetcher http = new HttpFetcher("test")) {
      CollectContext ctx = new CollectContext(http, Clock.systemUTC());
      Collector byMatch = new ProcessTargetKind().create(target("match: \"" + name + " \""), ctx);
      Collector byPid = new ProcessTargetKind().create(target("pid: " + first.pid()), ctx);

      Scrape a = byMatch.scrape();
      Scrape p = byPid.scrape();

      assertThat(a.value(Signal.RSS)).isPositive();
      assertThat(a.value(Signal.THREADS)).isEqualTo(1.0);
      assertThat(a.value(Signal.OPEN_FDS)).isGreaterThanOrEqualTo(3.0);
      assertThat(a.value(Signal.START_TIME))
          .isCloseTo(
              System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(30.0));
      assertThat(a.lifetime()).isEqualTo(p.lifetime()).startsWith("pid:" + first.pid() + "@");
      assertThat(byMatch.captureKinds()).isEmpty();

      Processes.stop(first);
      assertThatThrownBy(byPid::scrape)
          .isInstanceOf(CollectException.class)
          .hasMessageContaining("is gone");
      assertThatThrownBy(byMatch::scrape)
          .isInstanceOf(CollectException.class)
          .hasMessageContaining("no process's command line matches");

      Process second = sleeper(name);
      try {
        Scrape b = byMatch.scrape();
        assertThat(b.lifetime()).isNotEqualTo(a.lifetime()).startsWith("pid:" + second.pid() + "@");
      } finally {
        Processes.stop(second);
      }
    }
  }

  private static Process sleeper(String name) throws Exception {
    return new ProcessBuilder("bash", "-c", "exec -a " + name + " sleep 300").start();
  }

  private TargetConfig target(String option) throws Exception {
    return Configs.parse(dir, "targets:\n  - name: p\n    kind: process\n    " + option + "\n")
        .targets()
        .get(0);
  }
}
