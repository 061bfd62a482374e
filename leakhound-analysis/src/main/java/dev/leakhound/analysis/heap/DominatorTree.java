package dev.leakhound.analysis.heap;

import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.util.Arrays;
import java.util.function.IntToLongFunction;
import java.util.function.LongUnaryOperator;

/**
 * The dominator tree of an object graph seen from a virtual root whose children are the GC roots,
 * computed with the semi-NCA algorithm (Georgiadis; the variant LLVM uses): an iterative
 * depth-first search numbers the reachable nodes in preorder ({@link PreorderSearch}), the graph is
 * transposed ({@link PredecessorLists}), semi-dominators are found with path-compressed evaluation
 * over the predecessors, and each immediate dominator is the nearest common ancestor of the DFS
 * parent and the semi-dominator. Nothing recurses, so a million-long linked list is fine; the work
 * polls a {@link CancelSignal} and reports progress.
 *
 * <p>Everything is kept in preorder numbers ("pre"): 0 is the virtual root, {@code 1..size()-1} are
 * the reachable nodes. The predecessor lists are kept too (they answer "who references this" for
 * paths to GC roots) until {@link #releasePredecessors()}.
 *
 * <p>Memory: the Java heap holds only what a step updates at random, at most 8 bytes per node
 * (whatever the number of references), then the 4-byte immediate dominators; everything read in
 * order, or rarely, lives in memory-mapped temporary files ({@link ScratchSpace}): the forward
 * edges, the preorder, the DFS parents and stack, the predecessor lists, the semi-dominators. The
 * semi-dominator step keeps, instead of a label per node, the smallest semi-dominator on its
 * compressed path (all the evaluation ever asks of a label), and writes each semi-dominator to a
 * file for the last step, so it needs two int arrays instead of four. References are counted in
 * {@code long}s: more than 2^31 are fine.
 *
 * <p>Not thread-safe; {@link #close()} when done. Time near-linear in nodes plus references.
 */
public final class DominatorTree implements AutoCloseable {
  static final int REPORT_EVERY = 1 << 20;

  private static final String SEMI = "dominators (3/4: semi-dominators)";
  private static final String IDOM = "dominators (4/4: immediate dominators)";

  private final int size;
  private final int[] idom;
  private final ArrayLedger ledger;
  private final MappedInts vertex;
  private MappedInts preOf;
  private PredecessorLists preds;

  private DominatorTree(
      int size,
      int[] idom,
      ArrayLedger ledger,
      MappedInts vertex,
      MappedInts preOf,
      PredecessorLists preds) {
    this.size = size;
    this.idom = idom;
    this.ledger = ledger;
    this.vertex = vertex;
    this.preOf = preOf;
    this.preds = preds;
  }

  /** The forward edges handed to {@link #compute}, which closes them once it has read them. */
  record Edges(EdgeOffsets offsets, MappedInts targets) {
    void close() {
      offsets.close();
      targets.close();
    }
  }

  /**
   * Computes the tree of a graph of {@code nodeCount} nodes whose successors of node {@code v} are
   * {@code targets[offsets[v]..offsets[v+1]-1]}, with {@code roots} as the virtual root's children.
   */
  public static DominatorTree compute(
      int nodeCount,
      int[] offsets,
      int[] targets,
      int[] roots,
      ProgressListener progress,
      CancelSignal cancel) {
    return compute(ScratchSpace.inTempDir(), nodeCount, offsets, targets, roots, progress, cancel);
  }

  static DominatorTree compute(
      ScratchSpace scratch,
      int nodeCount,
      int[] offsets,
      int[] targets,
      int[] roots,
      ProgressListener progress,
      CancelSignal cancel) {
    if (offsets.length != nodeCount + 1) {
      throw new IllegalArgumentException("offsets must have nodeCount + 1 entries");
    }
    Edges edges = new Edges(scratch.offsets(offsets.length), scratch.ints(targets.length));
    for (int offset : offsets) {
      edges.offsets().add(offset);
    }
    for (int target : targets) {
      edges.targets().add(target);
    }
    return compute(scratch, nodeCount, edges, roots, true, progress, cancel);
  }

  /**
   * Computes the tree, consuming (closing) {@code edges}. Without {@code keepNodeIndex} the
   * node-to-preorder index is dropped and {@link #pre} is unavailable.
   */
  static DominatorTree compute(
      ScratchSpace scratch,
      int nodeCount,
      Edges edges,
      int[] roots,
      boolean keepNodeIndex,
      ProgressListener progress,
      CancelSignal cancel) {
    ArrayLedger ledger = scratch.ledger();
    MappedInts vertex = scratch.ints(nodeCount + 1L);
    MappedInts parent = scratch.ints(nodeCount + 1L);
    MappedInts keptPreOf = null;
    PredecessorLists preds = null;
    MappedInts semi = null;
    boolean done = false;
    try {
      int[] preOf = ledger.ints("preorder numbers", nodeCount);
      Arrays.fill(preOf, -1);
      int[] counts = ledger.ints("predecessor counts", nodeCount + 1);
      int size =
          PreorderSearch.run(
              scratch, edges, roots, preOf, counts, vertex, parent, progress, cancel);
      preds =
          PredecessorLists.build(
              scratch, nodeCount, edges, roots, preOf, counts, size, progress, cancel);
      ledger.release(counts);
      counts = null;
      edges.close();
      if (keepNodeIndex) {
        keptPreOf = scratch.ints(nodeCount);
        for (int p : preOf) {
          keptPreOf.add(p);
        }
      }
      ledger.release(preOf);
      preOf = null;
      semi = scratch.ints(size);
      int[] idom = semiDominators(parent, preds, semi, size, ledger, progress, cancel);
      immediateDominators(idom, parent, semi, size, progress, cancel);
      done = true;
      return new DominatorTree(size, idom, ledger, vertex, keptPreOf, preds);
    } finally {
      edges.close();
      parent.close();
      if (semi != null) {
        semi.close();
      }
      if (!done) {
        vertex.close();
        if (keptPreOf != null) {
          keptPreOf.close();
        }
        if (preds != null) {
          preds.close();
        }
      }
    }
  }

  /**
   * Finds the semi-dominators, appending them to {@code semi} from the last node to the first, and
   * returns an array the caller turns into immediate dominators. On the heap: {@code ancestor} (the
   * DFS parents, path-compressed as nodes are linked; a node is linked once processed, so until
   * then its entry is still its parent) and {@code best}, per node the smallest semi-dominator on
   * its compressed path.
   */
  private static int[] semiDominators(
      MappedInts parent,
      PredecessorLists preds,
      MappedInts semi,
      int size,
      ArrayLedger ledger,
      ProgressListener progress,
      CancelSignal cancel) {
    progress.onProgress(SEMI, 0, size);
    int[] ancestor = ledger.ints("ancestors, then immediate dominators", size);
    int[] best = ledger.ints("best semi-dominators", size);
    MappedInts.Scan parents = parent.scan();
    for (int i = 0; i < size; i++) {
      ancestor[i] = parents.get(i);
      best[i] = i;
    }
    // Both scanned from the end: read, not mapped, so they stay out of the RSS until paths need
    // them.
    LongUnaryOperator offsets = preds.offsets.scan();
    MappedInts.Scan lists = preds.lists.scan();
    int[] stack = ledger.ints("compression stack", 1024);
    long end = offsets.applyAsLong(size);
    long work = 0;
    for (int w = size - 1; w >= 1; w--) {
      if ((++work & (REPORT_EVERY - 1)) == 0) {
        cancel.throwIfCancelled();
        progress.onProgress(SEMI, size - w, size);
      }
      int s = ancestor[w];
      int lastLinked = w + 1;
      long start = offsets.applyAsLong(w);
      for (long i = start; i < end; i++) {
        if ((++work & (REPORT_EVERY - 1)) == 0) {
          cancel.throwIfCancelled();
          progress.onProgress(SEMI, size - w, size);
        }
        int v = lists.get(i);
        if (ancestor[v] >= lastLinked) {
          // Compress the path from v to the nearest node not yet linked, carrying the minimum.
          int top = 0;
          int x = v;
          do {
            if (top == stack.length) {
              stack = ledger.grow("compression stack", stack, top * 2);
            }
            stack[top++] = x;
            x = ancestor[x];
          } while (ancestor[x] >= lastLinked);
          int p = x;
          int pBest = best[p];
          do {
            x = stack[--top];
            ancestor[x] = ancestor[p];
            if (pBest < best[x]) {
              best[x] = pBest;
            } else {
              pBest = best[x];
            }
            p = x;
          } while (top > 0);
        }
        if (best[v] < s) {
          s = best[v];
        }
      }
      end = start;
      semi.add(s);
      best[w] = s;
    }
    ledger.release(best);
    ledger.release(stack);
    return ancestor;
  }

  /**
   * Turns {@code idom} (free to overwrite) into the immediate dominators: each node's is the
   * nearest ancestor of its DFS parent at or above its semi-dominator. Ascending preorder, so the
   * chain walked is already made of immediate dominators; {@code semi} holds nodes {@code
   * size-1..1} in that order, so it is scanned backwards.
   */
  private static void immediateDominators(
      int[] idom,
      MappedInts parent,
      MappedInts semi,
      int size,
      ProgressListener progress,
      CancelSignal cancel) {
    progress.onProgress(IDOM, 0, size);
    MappedInts.Scan parents = parent.scan();
    for (int i = 0; i < size; i++) {
      idom[i] = parents.get(i);
    }
    MappedInts.Scan semis = semi.scan();
    for (int i = 1; i < size; i++) {
      if ((i & (REPORT_EVERY - 1)) == 0) {
        cancel.throwIfCancelled();
        progress.onProgress(IDOM, i, size);
      }
      int d = idom[i];
      int s = semis.get(size - 1L - i);
      while (d > s) {
        d = idom[d];
      }
      idom[i] = d;
    }
  }

  /** Reachable nodes plus the virtual root. */
  public int size() {
    return size;
  }

  /** The preorder number of {@code node}, or -1 when no GC root reaches it. */
  public int pre(int node) {
    if (preOf == null) {
      throw new IllegalStateException("the node index was not kept");
    }
    return preOf.get(node);
  }

  /** The node numbered {@code pre} (-1 for the virtual root 0). */
  public int node(int pre) {
    return vertex.get(pre);
  }

  /** The immediate dominator of {@code pre}, in preorder (0 is the virtual root). */
  public int idomPre(int pre) {
    return idom[pre];
  }

  /**
   * The immediate dominator of {@code node} as a node, -1 when only the virtual root dominates it
   * (a GC root, or an object reached from several roots), -2 when unreachable.
   */
  public int immediateDominator(int node) {
    int p = pre(node);
    if (p < 0) {
      return -2;
    }
    int d = idom[p];
    return d == 0 ? -1 : node(d);
  }

  /**
   * Retained sizes in preorder: each node's shallow size plus everything it dominates; entry 0 (the
   * virtual root) is the total of reachable objects. 8 bytes per node on the heap, made in the
   * analysis's {@link ArrayLedger} (release it there when done).
   */
  public long[] retainedSizes(IntToLongFunction shallowOfNode) {
    long[] retained = ledger.longs("retained sizes", size);
    MappedInts.Scan vertices = vertex.scan();
    for (int p = 1; p < size; p++) {
      retained[p] = shallowOfNode.applyAsLong(vertices.get(p));
    }
    for (int p = size - 1; p >= 1; p--) {
      retained[idom[p]] += retained[p];
    }
    return retained;
  }

  long predStart(int pre) {
    return preds.offsets.get(pre);
  }

  long predEnd(int pre) {
    return preds.offsets.get(pre + 1L);
  }

  int pred(long i) {
    return preds.lists.get(i);
  }

  /** Frees the predecessor lists once no path to a GC root is needed any more. */
  void releasePredecessors() {
    if (preds != null) {
      preds.close();
      preds = null;
    }
  }

  /** Frees the temporary files; only {@link #size()} and {@link #idomPre} work afterwards. */
  @Override
  public void close() {
    releasePredecessors();
    vertex.close();
    if (preOf != null) {
      preOf.close();
      preOf = null;
    }
  }

  /** An object has 2^32 or more references to it: more than a predecessor list can count. */
  static final class TooManyReferencesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyReferencesException() {
      super("an object with 2^32 or more references to it (not supported)");
    }
  }
}
