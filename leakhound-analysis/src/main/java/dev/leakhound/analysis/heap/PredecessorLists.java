package dev.leakhound.analysis.heap;

import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;

/**
 * Each reachable node's predecessors in preorder numbers, as a CSR off the heap: what the
 * semi-dominator step of {@link DominatorTree} reads, and what a path to a GC root is searched on
 * backwards.
 *
 * <p>Not thread-safe; {@link #close()} frees the files. 4 bytes of disk per node and per reference.
 */
final class PredecessorLists {
  private static final long UNSIGNED = 0xffffffffL;
  private static final String STEP = "dominators (2/4: predecessors)";

  final EdgeOffsets offsets;
  final MappedInts lists;

  private PredecessorLists(EdgeOffsets offsets, MappedInts lists) {
    this.offsets = offsets;
    this.lists = lists;
  }

  /**
   * Transposes the reachable part of the graph, given each node's number of predecessors from the
   * depth-first search ({@code counts}, as unsigned ints; consumed): the prefix sums become the
   * offsets, and a scan of the edges fills each list from its end. The virtual root (0) precedes
   * every GC root. While every offset fits the offsets' low bits (below 2^32 references), the
   * counts are turned into the lists' ends and filling needs no lookup of the offsets.
   */
  static PredecessorLists build(
      ScratchSpace scratch,
      int nodeCount,
      DominatorTree.Edges edges,
      int[] roots,
      int[] preOf,
      int[] counts,
      int size,
      ProgressListener progress,
      CancelSignal cancel) {
    EdgeOffsets out = edges.offsets();
    MappedInts targets = edges.targets();
    progress.onProgress(STEP, 0, nodeCount);
    for (int root : roots) {
      count(counts, preOf[root]);
    }
    EdgeOffsets offsets = scratch.offsets(size + 1L);
    MappedInts lists = null;
    try {
      long total = 0;
      for (int p = 0; p < size; p++) {
        offsets.add(total);
        total += counts[p] & UNSIGNED;
      }
      offsets.add(total);
      lists = scratch.zeros(total);
      boolean flat = offsets.flat();
      if (flat) {
        int end = 0;
        for (int p = 0; p < size; p++) {
          end += counts[p];
          counts[p] = end;
        }
      }
      for (int root : roots) {
        lists.set(fillAt(flat, offsets, counts, preOf[root]), 0);
      }
      long from = out.get(0);
      long work = 0;
      for (int v = 0; v < nodeCount; v++) {
        long to = out.get(v + 1L);
        int p = preOf[v];
        if (p >= 0) {
          for (long i = from; i < to; i++) {
            lists.set(fillAt(flat, offsets, counts, preOf[targets.get(i)]), p);
            if ((++work & (DominatorTree.REPORT_EVERY - 1)) == 0) {
              cancel.throwIfCancelled();
              progress.onProgress(STEP, v, nodeCount);
            }
          }
        }
        from = to;
        if ((++work & (DominatorTree.REPORT_EVERY - 1)) == 0) {
          cancel.throwIfCancelled();
          progress.onProgress(STEP, v, nodeCount);
        }
      }
      return new PredecessorLists(offsets, lists);
    } catch (RuntimeException e) {
      offsets.close();
      if (lists != null) {
        lists.close();
      }
      throw e;
    }
  }

  /** Where the next predecessor of {@code p} goes: lists are filled from their ends. */
  private static long fillAt(boolean flat, EdgeOffsets offsets, int[] counts, int p) {
    long left = --counts[p] & UNSIGNED;
    return flat ? left : offsets.get(p) + left;
  }

  /** One more predecessor of {@code p}, counted unsigned: 2^32 of them is past the limit. */
  static void count(int[] counts, int p) {
    if (++counts[p] == 0) {
      throw new DominatorTree.TooManyReferencesException();
    }
  }

  void close() {
    offsets.close();
    lists.close();
  }
}
