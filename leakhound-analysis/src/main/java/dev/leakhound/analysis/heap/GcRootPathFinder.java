package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * Finds the shortest strong path from any GC root to an object by a breadth-first search backwards
 * over the predecessor lists of a {@link DominatorTree}: the first root met is a nearest one.
 * Reference.referent edges are not in the graph, so no path goes through a weak, soft, phantom and
 * finalizer reference.
 *
 * <p>Not thread-safe. One int per node on the heap (where each visited node was reached from),
 * reused by every search, and a queue as long as what a search visits: bounded by the heap's size
 * even when a search has to cover most of it.
 */
final class GcRootPathFinder {
  private final DominatorTree tree;
  private final ArrayLedger ledger;
  private final int[] next;
  private int[] queue;

  /** Its arrays are made in {@code ledger}; {@link #release} gives them back. */
  GcRootPathFinder(DominatorTree tree, ArrayLedger ledger) {
    this.tree = tree;
    this.ledger = ledger;
    this.next = ledger.ints("path search links", tree.size());
    this.queue = ledger.ints("path search queue", 1 << 10);
    Arrays.fill(next, -1);
  }

  /** Out of the ledger's books: no more paths will be searched. */
  void release() {
    ledger.release(next);
    ledger.release(queue);
  }

  /** Preorder numbers from a GC root to {@code target}, root first. */
  int[] path(int target) {
    int head = 0;
    int tail = 0;
    queue[tail++] = target;
    next[target] = target;
    int root = -1;
    search:
    while (head < tail) {
      int x = queue[head++];
      for (long i = tree.predStart(x), end = tree.predEnd(x); i < end; i++) {
        int y = tree.pred(i);
        if (y == 0) {
          root = x;
          break search;
        }
        if (next[y] < 0) {
          next[y] = x;
          if (tail == queue.length) {
            queue = ledger.grow("path search queue", queue, tail * 2);
          }
          queue[tail++] = y;
        }
      }
    }
    int[] path;
    if (root < 0) {
      path = new int[] {target};
    } else {
      int length = 1;
      for (int x = root; x != target; x = next[x]) {
        length++;
      }
      path = new int[length];
      int k = 0;
      for (int x = root; x != target; x = next[x]) {
        path[k++] = x;
      }
      path[k] = target;
    }
    for (int i = 0; i < tail; i++) {
      next[queue[i]] = -1;
    }
    return path;
  }
}
