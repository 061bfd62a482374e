package dev.leakhound.analysis.heap;

import java.util.Arrays;

/**
 * Finds the shortest strong path from any GC root to an object by a breadth-first search backwards
 * over the predecessor lists of a {@link DominatorTree}: the first root met is a nearest one.
 * Reference.referent edges are not in the graph, so no path goes through a weak, soft, phantom or
 * finalizer reference.
 *
 * <p>Not thread-safe. Memory proportional to what a search visits (a hash map and a queue), not to
 * the heap: most searches end within a few thousand objects.
 */
final class GcRootPathFinder {
  private final DominatorTree tree;

  GcRootPathFinder(DominatorTree tree) {
    this.tree = tree;
  }

  /** Preorder numbers from a GC root to {@code target}, root first. */
  int[] path(int target) {
    LongIntMap prev = new LongIntMap(1 << 10);
    int[] queue = new int[1 << 10];
    int head = 0;
    int tail = 0;
    queue[tail++] = target;
    prev.put(target, target);
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
        if (prev.get(y) < 0) {
          prev.put(y, x);
          if (tail == queue.length) {
            queue = Arrays.copyOf(queue, tail * 2);
          }
          queue[tail++] = y;
        }
      }
    }
    if (root < 0) {
      return new int[] {target};
    }
    int length = 1;
    for (int x = root; x != target; x = prev.get(x)) {
      length++;
    }
    int[] path = new int[length];
    int k = 0;
    for (int x = root; x != target; x = prev.get(x)) {
      path[k++] = x;
    }
    path[k] = target;
    return path;
  }
}
