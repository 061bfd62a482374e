package dev.leakhound.analysis.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class DominatorTreeTest {
  /** A graph as CSR plus roots, built from random edges. */
  record Graph(int n, int[] offsets, int[] targets, int[] roots, long[] shallow) {
    List<Integer> successors(int v) {
      List<Integer> out = new ArrayList<>();
      for (int i = offsets[v]; i < offsets[v + 1]; i++) {
        out.add(targets[i]);
      }
      return out;
    }
  }

  static Graph random(SplittableRandom random, int n, int edges, int rootCount) {
    List<List<Integer>> adj = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adj.add(new ArrayList<>());
    }
    for (int e = 0; e < edges; e++) {
      adj.get(random.nextInt(n)).add(random.nextInt(n));
    }
    int[] offsets = new int[n + 1];
    List<Integer> targets = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      offsets[v] = targets.size();
      targets.addAll(adj.get(v));
    }
    offsets[n] = targets.size();
    int[] roots = random.ints(rootCount, 0, n).toArray();
    long[] shallow = random.longs(n, 1, 100).toArray();
    return new Graph(
        n, offsets, targets.stream().mapToInt(Integer::intValue).toArray(), roots, shallow);
  }

  /** Nodes reachable from the virtual root, never entering {@code removed}. */
  static boolean[] reachable(Graph g, int removed) {
    boolean[] seen = new boolean[g.n()];
    ArrayList<Integer> stack = new ArrayList<>();
    for (int r : g.roots()) {
      if (r != removed && !seen[r]) {
        seen[r] = true;
        stack.add(r);
      }
    }
    while (!stack.isEmpty()) {
      int v = stack.remove(stack.size() - 1);
      for (int t : g.successors(v)) {
        if (t != removed && !seen[t]) {
          seen[t] = true;
          stack.add(t);
        }
      }
    }
    return seen;
  }

  /** dominates[d][v]: every path from the virtual root to v passes through d (d != v). */
  static boolean[][] strictDominators(Graph g) {
    boolean[] all = reachable(g, -1);
    boolean[][] dom = new boolean[g.n()][];
    for (int d = 0; d < g.n(); d++) {
      boolean[] without = reachable(g, d);
      dom[d] = new boolean[g.n()];
      for (int v = 0; v < g.n(); v++) {
        dom[d][v] = all[d] && all[v] && v != d && !without[v];
      }
    }
    return dom;
  }

  @Test
  void immediateDominatorsAndRetainedSizesMatchABruteForceOracle() {
    matchTheOracle(ScratchSpace.inTempDir(), 300, 42);
  }

  @Test
  void theOracleAgreesWhenOffsetsStepPastTheirLowBitsAsBeyond2To32References() {
    // Chunks of 4 ints and offsets of 3 low bits: the code paths of a dump with more than 2^32
    // references (offsets recovered from their steps, long indexes across chunks), on tiny graphs.
    matchTheOracle(new ScratchSpace(null, 2, 2, 3), 60, 43);
  }

  private static void matchTheOracle(ScratchSpace scratch, int rounds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < rounds; round++) {
      int n = 2 + random.nextInt(40);
      Graph g = random(random, n, random.nextInt(3 * n), 1 + random.nextInt(3));
      DominatorTree tree =
          DominatorTree.compute(
              scratch,
              n,
              g.offsets(),
              g.targets(),
              g.roots(),
              ProgressListener.NONE,
              CancelSignal.NEVER);
      boolean[] all = reachable(g, -1);
      boolean[][] dom = strictDominators(g);
      long[] retained = tree.retainedSizes(v -> g.shallow()[v]);
      for (int v = 0; v < n; v++) {
        if (!all[v]) {
          assertThat(tree.immediateDominator(v)).as("unreachable %d", v).isEqualTo(-2);
          continue;
        }
        // The immediate dominator is the strict dominator that all other strict dominators
        // dominate, i.e. the one with the most strict dominators of its own.
        int expected = -1;
        int depth = -1;
        for (int d = 0; d < n; d++) {
          if (dom[d][v]) {
            int k = 0;
            for (int x = 0; x < n; x++) {
              k += dom[x][d] ? 1 : 0;
            }
            if (k > depth) {
              depth = k;
              expected = d;
            }
          }
        }
        assertThat(tree.immediateDominator(v))
            .as("idom of %d in round %d", v, round)
            .isEqualTo(expected);
        long expectedRetained = g.shallow()[v];
        for (int x = 0; x < n; x++) {
          expectedRetained += dom[v][x] ? g.shallow()[x] : 0;
        }
        assertThat(retained[tree.pre(v)]).as("retained of %d", v).isEqualTo(expectedRetained);
      }
      tree.close();
    }
  }

  @Test
  void aMillionLongChainNeedsNoRecursion() {
    int n = 1_000_000;
    int[] offsets = new int[n + 1];
    int[] targets = new int[n - 1];
    for (int v = 0; v < n; v++) {
      offsets[v] = Math.min(v, n - 1);
      if (v < n - 1) {
        targets[v] = v + 1;
      }
    }
    offsets[n] = n - 1;
    DominatorTree tree =
        DominatorTree.compute(
            n, offsets, targets, new int[] {0}, ProgressListener.NONE, CancelSignal.NEVER);
    assertThat(tree.immediateDominator(n - 1)).isEqualTo(n - 2);
    assertThat(tree.retainedSizes(v -> 8)[tree.pre(0)]).isEqualTo(8L * n);
  }

  @Test
  void aRaisedCancelSignalStopsTheWork() {
    int n = 3_000_000;
    int[] offsets = new int[n + 1];
    CancelSignal cancel = new CancelSignal();
    cancel.cancel();
    int[] roots = new int[n];
    for (int i = 0; i < n; i++) {
      roots[i] = i;
    }
    assertThatThrownBy(
            () ->
                DominatorTree.compute(n, offsets, new int[0], roots, ProgressListener.NONE, cancel))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void aRaisedCancelSignalStopsASearchThroughFewObjectsWithManyReferences() {
    // Two objects, three million references: polling per object alone would never look.
    int edges = 3_000_000;
    int[] targets = new int[edges];
    java.util.Arrays.fill(targets, 1);
    CancelSignal cancel = new CancelSignal();
    cancel.cancel();
    assertThatThrownBy(
            () ->
                DominatorTree.compute(
                    2,
                    new int[] {0, edges, edges},
                    targets,
                    new int[] {0},
                    ProgressListener.NONE,
                    cancel))
        .isInstanceOf(CancellationException.class);
  }
}
