package dev.leakhound.formats.goroutine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.testkit.PeerTestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dumps uber-go/goleak's own stack parser is tested on, read in place. */
class GoleakPeerDumpsTest {
  private static GoroutineDump read(String name) throws IOException {
    return new GoroutineDumpReader().read(PeerTestData.require("uber-goleak/" + name).toString());
  }

  private static List<String> summary(GoroutineDump dump) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < dump.recordCount(); r++) {
      int creator = dump.creatorFrame(r);
      out.add(
          dump.goroutineId(r)
              + " ["
              + dump.state(r)
              + "] "
              + dump.frame(dump.stackFrame(dump.stackId(r), 0)).function()
              + " <- "
              + (creator < 0 ? "-" : dump.frame(creator).function())
              + (dump.creatorGoroutine(r) >= 0 ? " in " + dump.creatorGoroutine(r) : ""));
    }
    return out;
  }

  @Test
  void theGo121DumpHasFiveGoroutinesWithTheirCreatorsGoroutines() throws IOException {
    GoroutineDump dump = read("http.txt");

    assertThat(dump.truncated()).isFalse();
    assertThat(dump.skippedLines()).isZero();
    assertThat(summary(dump))
        .containsExactly(
            "1 [running] main.getStackBuffer <- -",
            "4 [IO wait] internal/poll.runtime_pollWait <- main.start in 1",
            "20 [select] net/http.(*persistConn).readLoop <- net/http.(*Transport).dialConn in 5",
            "21 [select] net/http.(*persistConn).writeLoop <- net/http.(*Transport).dialConn in 5",
            "8 [IO wait] internal/poll.runtime_pollWait <- net/http.(*Server).Serve in 4");
    assertThat(dump.stackDepth(dump.stackId(1))).isEqualTo(9);
    assertThat(dump.frame(dump.stackFrame(dump.stackId(1), 8)))
        .isEqualTo(new Frame("net/http.Serve", "/usr/lib/go/src/net/http/server.go", 2595));
  }

  @Test
  void theGo120DumpHasCreatorsWithoutTheirGoroutine() throws IOException {
    GoroutineDump dump = read("http.go1.20.txt");

    assertThat(summary(dump))
        .containsExactly(
            "1 [running] main.getStackBuffer <- -",
            "20 [IO wait] internal/poll.runtime_pollWait <- main.start",
            "24 [select] net/http.(*persistConn).readLoop <- net/http.(*Transport).dialConn",
            "25 [select] net/http.(*persistConn).writeLoop <- net/http.(*Transport).dialConn",
            "4 [IO wait] internal/poll.runtime_pollWait <- net/http.(*Server).Serve");
  }

  @Test
  void tracebackAncestorsAreAttachedToTheirGoroutineNotReadAsGoroutines() throws IOException {
    GoroutineDump dump = read("http.tracebackancestors.txt");

    assertThat(dump.total()).isEqualTo(5);
    int withAncestors = 0;
    for (int r = 0; r < dump.recordCount(); r++) {
      withAncestors += dump.ancestors(r).size();
    }
    assertThat(withAncestors).isEqualTo(7);
    // goroutine 24 was created in 21, which was created (by queueForDial) in 1.
    List<Ancestor> of24 = dump.ancestors(2);
    assertThat(of24).extracting(Ancestor::goroutineId).containsExactly(21L, 1L);
    assertThat(dump.frame(of24.get(0).creatorFrame()).function())
        .isEqualTo("net/http.(*Transport).queueForDial");
    assertThat(of24.get(1).creatorFrame()).isEqualTo(-1);
    int[] oldest = dump.stack(of24.get(1).stackId());
    assertThat(dump.frame(oldest[oldest.length - 1]).function()).isEqualTo("main.main");
    assertThat(dump.stackDepth(of24.get(1).stackId())).isEqualTo(12);
  }
}
