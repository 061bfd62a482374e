package dev.leakhound.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.profile.FlameGraph;
import dev.leakhound.analysis.profile.FlameNode;
import dev.leakhound.testkit.RepoRoot;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class DiffFlameGraphTest {
  @Test
  void theGoShopHeapDiffShowsTheMapLeakGrowingUnderItsHandler() throws Exception {
    byte[] start = Files.readAllBytes(RepoRoot.resolve("testdata/pprof/go-shop-heap-start.pb.gz"));
    byte[] end = Files.readAllBytes(RepoRoot.resolve("testdata/pprof/go-shop-heap-end.pb.gz"));

    FlameGraph g = DiffFlameGraph.of(start, end, null);

    assertThat(g.sampleType()).isEqualTo("inuse_space");
    assertThat(g.diff()).isTrue();
    FlameNode remember = find(g.root(), "(*SessionStore).Remember");
    assertThat(remember).isNotNull();
    // ~12 MB held by the map leak after a minute of load (testdata/pprof/SOURCE.md), all new.
    assertThat(remember.delta()).isGreaterThan(5_000_000L);
    assertThat(remember.value()).isGreaterThanOrEqualTo(remember.delta());
    assertThat(g.root().delta()).isGreaterThanOrEqualTo(remember.delta());
  }

  private static FlameNode find(FlameNode root, String suffix) {
    Deque<FlameNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      FlameNode n = todo.pop();
      if (n.name().endsWith(suffix)) {
        return n;
      }
      n.children().forEach(todo::push);
    }
    return null;
  }
}
