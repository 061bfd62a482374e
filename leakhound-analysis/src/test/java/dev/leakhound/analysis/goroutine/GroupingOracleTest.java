package dev.leakhound.analysis.goroutine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.goroutine.Frame;
import dev.leakhound.formats.goroutine.GoroutineDumpReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks the grouping against a brute-force oracle on seeded random dumps: the oracle keeps each
 * goroutine's printed stack as a string and counts identical (stack, state) pairs in a map.
 */
class GroupingOracleTest {
  private static final String[] STATES = {
    "chan receive", "select", "chan send", "IO wait", "sleep"
  };
  private static final String[] FUNCTIONS = {
    "main.a", "main.(*T).b", "example.com/x.C[...]", "net/http.(*conn).serve", "main.d.func1"
  };

  @Test
  void groupsAndCountsMatchANaiveMapOfPrintedStacks() throws IOException {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      StringBuilder text = new StringBuilder();
      Map<String, Long> oracle = new HashMap<>();
      int goroutines = 1 + random.nextInt(300);
      for (int g = 0; g < goroutines; g++) {
        String state = STATES[random.nextInt(STATES.length)];
        int wait = random.nextInt(4) == 0 ? random.nextInt(30) : 0;
        int depth = 1 + random.nextInt(3);
        StringBuilder key = new StringBuilder(state).append('|');
        text.append("goroutine ").append(g + 1).append(" [").append(state);
        if (wait > 0) {
          text.append(", ").append(wait).append(" minutes");
        }
        text.append("]:\nruntime.gopark(0x1)\n\t/usr/local/go/src/runtime/proc.go:435 +0xce\n");
        for (int d = 0; d < depth; d++) {
          String fn = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
          int line = 1 + random.nextInt(3);
          text.append(fn).append("(0x").append(Integer.toHexString(random.nextInt())).append(")\n");
          text.append("\t/src/f.go:").append(line).append(" +0x1\n");
          key.append(fn).append('@').append(line).append(';');
        }
        text.append('\n');
        oracle.merge(key.toString(), 1L, Long::sum);
      }
      GoroutineReport report =
          new GoroutineAnalyzer()
              .analyze(
                  List.of(
                      new GoroutineDumpReader()
                          .read(
                              "seed" + seed,
                              new ByteArrayInputStream(
                                  text.toString().getBytes(StandardCharsets.UTF_8)))));
      Map<String, Long> actual = new HashMap<>();
      List<Long> counts = new ArrayList<>();
      for (GoroutineGroup group : report.groups()) {
        StringBuilder key = new StringBuilder(group.state()).append('|');
        for (Frame f : group.stack()) {
          key.append(f.function()).append('@').append(f.line()).append(';');
        }
        actual.put(key.toString(), group.count());
        counts.add(group.count());
      }
      assertThat(actual).as("seed %d", seed).isEqualTo(oracle);
      assertThat(report.total()).isEqualTo(goroutines);
      assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }
  }
}
