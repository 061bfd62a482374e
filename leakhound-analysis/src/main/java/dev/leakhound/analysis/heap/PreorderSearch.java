package dev.leakhound.analysis.heap;

import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;

/**
 * The first step of {@link DominatorTree}: an iterative depth-first search from the GC roots that
 * numbers the reachable nodes in preorder.
 *
 * <p>Stateless. Heap: the two int arrays it is given; everything else is appended to or kept in
 * temporary files. Time linear in the reachable nodes and their references.
 */
final class PreorderSearch {
  private static final String STEP = "dominators (1/4: depth-first search)";

  /** Ints per frame of the stack: the node, the next edge and the end, as longs. */
  private static final int FRAME = 5;

  private PreorderSearch() {}

  /**
   * Numbers the reachable nodes in preorder: {@code preOf} and, in order of their numbers, {@code
   * vertex} and {@code parent}; and since it sees every edge from a reachable node once, counts
   * each node's predecessors in {@code counts} (by preorder). Those two arrays are the only ones on
   * the heap. The stack, as deep as the longest path, is off the heap: per frame the node, where
   * along its edges the search is and where they end, so going back up reads no offsets.
   */
  static int run(
      ScratchSpace scratch,
      DominatorTree.Edges edges,
      int[] roots,
      int[] preOf,
      int[] counts,
      MappedInts vertex,
      MappedInts parent,
      ProgressListener progress,
      CancelSignal cancel) {
    EdgeOffsets offsets = edges.offsets();
    MappedInts targets = edges.targets();
    MappedInts stack = scratch.ints(1 << 16);
    try {
      progress.onProgress(STEP, 0, preOf.length);
      int count = 1;
      long work = 0;
      vertex.add(-1);
      parent.add(0);
      for (int root : roots) {
        if ((++work & (DominatorTree.REPORT_EVERY - 1)) == 0) {
          cancel.throwIfCancelled();
          progress.onProgress(STEP, count, preOf.length);
        }
        if (preOf[root] >= 0) {
          continue;
        }
        preOf[root] = count++;
        vertex.add(root);
        parent.add(0);
        long depth = 0;
        int v = root;
        long c = offsets.get(v);
        long end = offsets.get(v + 1);
        while (true) {
          if (c < end) {
            int t = targets.get(c++);
            if ((++work & (DominatorTree.REPORT_EVERY - 1)) == 0) {
              // Polled per edge, not per node: a few objects may hold billions of references.
              cancel.throwIfCancelled();
              progress.onProgress(STEP, count, preOf.length);
            }
            int pt = preOf[t];
            if (pt >= 0) {
              PredecessorLists.count(counts, pt);
              continue;
            }
            PredecessorLists.count(counts, count);
            vertex.add(t);
            parent.add(preOf[v]);
            preOf[t] = count++;
            long at = FRAME * depth++;
            if (at + FRAME > stack.size()) {
              stack.grow(at + FRAME);
            }
            stack.set(at, v);
            stack.setLong(at + 1, c);
            stack.setLong(at + 3, end);
            v = t;
            c = offsets.get(v);
            end = offsets.get(v + 1);
          } else if (depth == 0) {
            break;
          } else {
            long at = FRAME * --depth;
            v = stack.get(at);
            c = stack.getLong(at + 1);
            end = stack.getLong(at + 3);
          }
        }
      }
      return count;
    } finally {
      stack.close();
    }
  }
}
