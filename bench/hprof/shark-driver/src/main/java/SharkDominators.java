import java.io.File;
import java.util.List;
import shark.CloseableHeapGraph;
import shark.HprofHeapGraph;
import shark.HprofIndex;
import shark.IgnoredReferenceMatcher;
import shark.ReferencePattern;
import shark.internal.ObjectDominators;

/**
 * bench/hprof.sh's peer driver: opens a dump with LeakCanary shark 2.14 and computes the full
 * dominator tree with retained sizes (ObjectDominators, the API shark's own CLI uses for
 * "dominator tree"), ignoring java.lang.ref.Reference.referent like Leakhound, then prints the
 * objects retaining at least MIN_BYTES. Usage: SharkDominators FILE [MIN_BYTES].
 */
public final class SharkDominators {
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    int minRetained = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
    List<IgnoredReferenceMatcher> ignored =
        List.of(
            new IgnoredReferenceMatcher(
                new ReferencePattern.InstanceFieldPattern("java.lang.ref.Reference", "referent")));
    try (CloseableHeapGraph graph =
        HprofHeapGraph.Companion.openHeapGraph(
            new File(args[0]), null, HprofIndex.Companion.defaultIndexedGcRootTags())) {
      long opened = System.nanoTime();
      String tree =
          new ObjectDominators().renderDominatorTree(graph, ignored, minRetained, null, false);
      long done = System.nanoTime();
      System.out.println(tree.length() > 4000 ? tree.substring(0, 4000) + "\n..." : tree);
      System.out.printf(
          "objects %d; indexing %.1f s, dominators and retained sizes %.1f s%n",
          graph.getObjectCount(), (opened - start) / 1e9, (done - opened) / 1e9);
    }
  }
}
