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
 * <p>Not thread-safe. Time near-linear in nodes plus references. Memory while computing: 24 bytes
 * per reachable node plus 4 per reference (predecessors); afterwards 12 per node plus the
 * predecessors.
 */
public final class DominatorTree {
  private static final int REPORT_EVERY = 1 << 20;

  private final int[] preOf;
  private final int[] vertex;
  private final int[] idom;
  private final int size;
  private int[] predOffsets;
  private int[] preds;

  private DominatorTree(int[] preOf, int[] vertex, int[] idom, int size, int[] po, int[] p) {
    this.preOf = preOf;
    this.vertex = vertex;
    this.idom = idom;
    this.size = size;
    this.predOffsets = po;
    this.preds = p;
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
    return compute(nodeCount, offsets, chunks, roots, progress, cancel);
  }

  static DominatorTree compute(
      int nodeCount,
      int[] offsets,
      IntChunks targets,
      int[] roots,
      ProgressListener progress,
      CancelSignal cancel) {
    int[] preOf = new int[nodeCount];
    Arrays.fill(preOf, -1);
    int[] vertex = new int[nodeCount + 1];
    int[] parent = new int[nodeCount + 1];
    int size = depthFirst(offsets, targets, roots, preOf, vertex, parent, progress, cancel);
    vertex = Arrays.copyOf(vertex, size);
    parent = Arrays.copyOf(parent, size);
    int[] predOffsets = new int[size + 1];
    int[] preds = predecessors(offsets, targets, roots, preOf, vertex, size, predOffsets);
    semiNca(parent, predOffsets, preds, size, progress, cancel);
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

  private static int[] predecessors(
      int[] offsets,
      IntChunks targets,
      int[] roots,
      int[] preOf,
      int[] vertex,
      int size,
      int[] predOffsets) {
    long total = 0;
    for (int root : roots) {
      predOffsets[preOf[root] + 1]++;
      total++;
    }
    for (int p = 1; p < size; p++) {
      int v = vertex[p];
      for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
        predOffsets[preOf[targets.get(i)] + 1]++;
        total++;
      }
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("more than 2^31 references are not supported");
    }
    for (int p = 0; p < size; p++) {
      predOffsets[p + 1] += predOffsets[p];
    }
    int[] preds = new int[(int) total];
    int[] fill = Arrays.copyOf(predOffsets, size);
    for (int root : roots) {
      preds[fill[preOf[root]]++] = 0;
    }
    for (int p = 1; p < size; p++) {
      int v = vertex[p];
      for (int i = offsets[v], end = offsets[v + 1]; i < end; i++) {
        preds[fill[preOf[targets.get(i)]]++] = p;
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
    int p = preOf[node];
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

  /** Frees the predecessor lists once no path to a GC root is needed any more. */
  void releasePredecessors() {
    predOffsets = null;
    preds = null;
  }

  long footprintBytes() {
    long bytes = 4L * preOf.length + 4L * vertex.length + 4L * idom.length;
    if (preds != null) {
      bytes += 4L * predOffsets.length + 4L * preds.length;
    }
    return bytes;
  }
}
