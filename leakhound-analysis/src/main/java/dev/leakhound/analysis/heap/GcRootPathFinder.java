package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * Finds the shortest strong path from any GC root to an object by a breadth-first search backwards
 * over the predecessor lists of a {@link DominatorTree}: the first root met is a nearest one.
 * Reference.referent edges are not in the graph, so no path goes through a weak, soft, phantom or
 * finalizer reference.
 *
 * <p>Not thread-safe. Holds two ints per reachable object; each search touches only what it visits.
 */
final class GcRootPathFinder {
  private final DominatorTree tree;
  private final int[] prev;
  private final int[] queue;

  GcRootPathFinder(DominatorTree tree) {
    this.tree = tree;
    this.prev = new int[tree.size()];
    this.queue = new int[tree.size()];
    Arrays.fill(prev, -1);
  }

  /** Preorder numbers from a GC root to {@code target}, root first. */
  int[] path(int target) {
    int head = 0;
    int tail = 0;
    queue[tail++] = target;
    prev[target] = target;
    int root = -1;
    search:
    while (head < tail) {
      int x = queue[head++];
      for (int i = tree.predStart(x), end = tree.predEnd(x); i < end; i++) {
        int y = tree.pred(i);
        if (y == 0) {
          root = x;
          break search;
        }
        if (prev[y] < 0) {
          prev[y] = x;
          queue[tail++] = y;
        }
      }
    }
    int[] path;
    if (root < 0) {
      path = new int[] {target};
    } else {
      int length = 1;
      for (int x = root; x != target; x = prev[x]) {
        length++;
      }
      path = new int[length];
      int k = 0;
      for (int x = root; x != target; x = prev[x]) {
        path[k++] = x;
      }
      path[k] = target;
    }
    for (int i = 0; i < tail; i++) {
      prev[queue[i]] = -1;
    }
    return path;
  }
}
