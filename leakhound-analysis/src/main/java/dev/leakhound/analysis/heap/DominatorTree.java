package dev.leakhound.analysis.heap;

import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The dominator tree of an object graph seen from a virtual root whose children are the GC roots,
 * computed with the semi-NCA algorithm (Georgiadis; the variant LLVM uses): an iterative
 * depth-first search numbers the reachable nodes in preorder, semi-dominators are found with
 * path-compressed evaluation over the predecessors, and each immediate dominator is the nearest
 * common ancestor of the DFS parent and the semi-dominator. Nothing recurses, so a million-long
 * linked list is fine; the work polls a {@link CancelSignal} and reports progress.
 *
 * <p>Everything is kept in preorder numbers ("pre"): 0 is the virtual root, {@code 1..size()-1} are
 * the reachable nodes. The predecessor lists are kept too (they answer "who references this" for
 * paths to GC roots) until {@link #releasePredecessors()}.
 *
 * <p>Not thread-safe. Time near-linear in nodes plus references. Memory while computing: 20 bytes
 * per reachable node plus 4 per reference (the node numbering is parked in a temporary file
 * meanwhile on large graphs); afterwards 8 per node plus the predecessors.
 */
public final class DominatorTree {
  private static final int REPORT_EVERY = 1 << 20;

  private int[] preOf;
  private final int[] vertex;
  private final int[] idom;
  private final int size;
  private int[] predOffsets;
  private int[] preds;
  private ParkedInts parkedPredOffsets;
  private ParkedInts parkedPreds;

  private DominatorTree(int[] preOf, int[] vertex, int[] idom, int size, int[] po, int[] p) {
    this.preOf = preOf;
    this.vertex = vertex;
    this.idom = idom;
    this.size = size;
    this.predOffsets = po;
    this.preds = p;
  }

  /** Arrays parked in temporary files while the semi-dominator loop runs, above this size. */
  private static final int PARK_ABOVE = 1 << 19;

  /**
   * The forward edges handed to {@link #compute(int, Edges, int[], boolean, ProgressListener,
   * CancelSignal)}, which drops them as soon as the predecessor lists are built: the two never both
   * live in full.
   */
  static final class Edges {
    int[] offsets;
    IntChunks targets;

    Edges(int[] offsets, IntChunks targets) {
      this.offsets = offsets;
      this.targets = targets;
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
    IntChunks chunks = new IntChunks();
    for (int t : targets) {
      chunks.add(t);
    }
    return compute(nodeCount, new Edges(offsets, chunks), roots, true, progress, cancel);
  }

  /**
   * Computes the tree, consuming {@code edges}. Without {@code keepNodeIndex} the node-to-preorder
   * index is dropped (4 bytes per node) and {@link #pre} is unavailable.
   */
  static DominatorTree compute(
      int nodeCount,
      Edges edges,
      int[] roots,
      boolean keepNodeIndex,
      ProgressListener progress,
      CancelSignal cancel) {
    int[] preOf = new int[nodeCount];
    Arrays.fill(preOf, -1);
    int[] vertex = new int[nodeCount + 1];
    int[] parent = new int[nodeCount + 1];
    int size =
        depthFirst(edges.offsets, edges.targets, roots, preOf, vertex, parent, progress, cancel);
    boolean park = nodeCount > PARK_ABOVE;
    ParkedInts parkedVertex = park ? ParkedInts.park(vertex) : null;
    if (park) {
      vertex = null;
    }
    int[] predOffsets = new int[size + 1];
    int[] preds =
        predecessors(nodeCount, edges.offsets, edges.targets, roots, preOf, size, predOffsets);
    edges.offsets = null;
    edges.targets = null;
    ParkedInts parkedPreOf = park && keepNodeIndex ? ParkedInts.park(preOf) : null;
    if (park || !keepNodeIndex) {
      preOf = null;
    }
    semiNca(parent, predOffsets, preds, size, progress, cancel);
    if (parkedVertex != null) {
      vertex = parkedVertex.restore();
    }
    if (parkedPreOf != null) {
      preOf = parkedPreOf.restore();
    }
    return new DominatorTree(preOf, vertex, parent, size, predOffsets, preds);
  }

  private static int depthFirst(
      int[] offsets,
      IntChunks targets,
      int[] roots,
      int[] preOf,
      int[] vertex,
      int[] parent,
      ProgressListener progress,
      CancelSignal cancel) {
    int count = 1;
    vertex[0] = -1;
    int[] stack = new int[1024];
    int[] cursor = new int[1024];
    for (int root : roots) {
      if (preOf[root] >= 0) {
        continue;
      }
      preOf[root] = count;
      vertex[count] = root;
      parent[count] = 0;
      count++;
      int top = 0;
      stack[0] = root;
      cursor[0] = offsets[root];
      while (top >= 0) {
        int v = stack[top];
        int c = cursor[top];
        if (c < offsets[v + 1]) {
          cursor[top] = c + 1;
          int t = targets.get(c);
          if (preOf[t] < 0) {
            preOf[t] = count;
            vertex[count] = t;
            parent[count] = preOf[v];
            if ((count++ & (REPORT_EVERY - 1)) == 0) {
              cancel.throwIfCancelled();
              progress.onProgress("dominators (1/3: depth-first search)", count, preOf.length);
            }
            if (++top == stack.length) {
              stack = Arrays.copyOf(stack, top * 2);
              cursor = Arrays.copyOf(cursor, top * 2);
            }
            stack[top] = t;
            cursor[top] = offsets[t];
          }
        } else {
          top--;
        }
      }
    }
    return count;
  }

  /**
   * Transposes the graph into predecessor lists in preorder numbers. Nodes are visited in node
   * order so each chunk of forward edges can be released once read: the forward and backward edges
   * never both live in full. Lists are filled backwards from each list's end, so no second array of
   * cursors is needed.
   */
  private static int[] predecessors(
      int nodeCount,
      int[] offsets,
      IntChunks targets,
      int[] roots,
      int[] preOf,
      int size,
      int[] predOffsets) {
    long total = roots.length;
    for (int root : roots) {
      predOffsets[preOf[root]]++;
    }
    for (int v = 0; v < nodeCount; v++) {
      if (preOf[v] < 0) {
        continue;
      }
      for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
        predOffsets[preOf[targets.get(i)]]++;
        total++;
      }
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("more than 2^31 references are not supported");
    }
    // predOffsets[p] becomes the end of p's list; filling decrements it to the start.
    for (int p = 1; p <= size; p++) {
      predOffsets[p] += predOffsets[p - 1];
    }
    int[] preds = new int[(int) total];
    for (int root : roots) {
      preds[--predOffsets[preOf[root]]] = 0;
    }
    for (int v = 0; v < nodeCount; v++) {
      int p = preOf[v];
      if (p >= 0) {
        for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
          preds[--predOffsets[preOf[targets.get(i)]]] = p;
        }
      }
      if (v + 1 < nodeCount) {
        targets.releaseBefore(offsets[v + 1]);
      }
    }
    return preds;
  }

  /** Turns {@code parent} (DFS parents in preorder) into immediate dominators in place. */
  private static void semiNca(
      int[] parent,
      int[] predOffsets,
      int[] preds,
      int size,
      ProgressListener progress,
      CancelSignal cancel) {
    int[] semi = new int[size];
    int[] label = new int[size];
    int[] ancestor = parent.clone();
    for (int i = 0; i < size; i++) {
      semi[i] = i;
      label[i] = i;
    }
    int[] stack = new int[1024];
    for (int w = size - 1; w >= 1; w--) {
      if ((w & (REPORT_EVERY - 1)) == 0) {
        cancel.throwIfCancelled();
        progress.onProgress("dominators (2/3: semi-dominators)", size - w, size);
      }
      int s = parent[w];
      int lastLinked = w + 1;
      for (int i = predOffsets[w], end = predOffsets[w + 1]; i < end; i++) {
        int v = preds[i];
        int u;
        if (ancestor[v] < lastLinked) {
          u = label[v];
        } else {
          int top = 0;
          int x = v;
          do {
            if (top == stack.length) {
              stack = Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = x;
            x = ancestor[x];
          } while (ancestor[x] >= lastLinked);
          int p = x;
          int pLabel = label[p];
          do {
            x = stack[--top];
            ancestor[x] = ancestor[p];
            int xLabel = label[x];
            if (semi[pLabel] < semi[xLabel]) {
              label[x] = pLabel;
            } else {
              pLabel = xLabel;
            }
            p = x;
          } while (top > 0);
          u = label[v];
        }
        if (semi[u] < s) {
          s = semi[u];
        }
      }
      semi[w] = s;
    }
    ancestor = null;
    label = null;
    for (int i = 1; i < size; i++) {
      if ((i & (REPORT_EVERY - 1)) == 0) {
        cancel.throwIfCancelled();
        progress.onProgress("dominators (3/3: immediate dominators)", i, size);
      }
      int d = parent[i];
      while (d > semi[i]) {
        d = parent[d];
      }
      parent[i] = d;
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
    return preOf[node];
  }

  /** The node numbered {@code pre} (-1 for the virtual root 0). */
  public int node(int pre) {
    return vertex[pre];
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
    return d == 0 ? -1 : vertex[d];
  }

  /**
   * Retained sizes in preorder: each node's shallow size plus everything it dominates; entry 0 (the
   * virtual root) is the total of reachable objects.
   */
  public long[] retainedSizes(IntToLongFunction shallowOfNode) {
    long[] retained = new long[size];
    for (int p = 1; p < size; p++) {
      retained[p] = shallowOfNode.applyAsLong(vertex[p]);
    }
    for (int p = size - 1; p >= 1; p--) {
      retained[idom[p]] += retained[p];
    }
    return retained;
  }

  int predStart(int pre) {
    return predOffsets[pre];
  }

  int predEnd(int pre) {
    return predOffsets[pre + 1];
  }

  int pred(int i) {
    return preds[i];
  }

  boolean hasPredecessors() {
    return preds != null;
  }

  /** Moves the predecessor lists to temporary files until {@link #restorePredecessors()}. */
  void parkPredecessors() {
    parkedPredOffsets = ParkedInts.park(predOffsets);
    parkedPreds = ParkedInts.park(preds);
    predOffsets = null;
    preds = null;
  }

  void restorePredecessors() {
    if (parkedPreds != null) {
      predOffsets = parkedPredOffsets.restore();
      preds = parkedPreds.restore();
      parkedPredOffsets = null;
      parkedPreds = null;
    }
  }

  /**
   * Frees the node-to-preorder index (4 bytes per node) when only preorder numbers are used from
   * here on; {@link #pre} and {@link #immediateDominator} fail afterwards.
   */
  void releaseNodeIndex() {
    preOf = null;
  }

  /** Frees the predecessor lists once no path to a GC root is needed any more. */
  void releasePredecessors() {
    predOffsets = null;
    preds = null;
  }
}
