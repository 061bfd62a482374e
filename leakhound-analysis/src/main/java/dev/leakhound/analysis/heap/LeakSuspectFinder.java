package dev.leakhound.analysis.heap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds leak suspects the way Eclipse MAT's Leak Suspects report does, on a dominator tree with
 * retained sizes (all in preorder numbers):
 *
 * <ul>
 *   <li>a top-level dominator that retains at least the threshold share of the reachable heap;
 *       below it, the accumulation point: follow the biggest dominated child while it keeps most
 *       (80%) of its parent; where the memory spreads over many children is where it piles up;
 *   <li>a class whose instances, each held from a GC root, together retain the threshold share
 *       (many small leaked objects with no common dominator).
 * </ul>
 *
 * <p>Not thread-safe. Two linear scans of the tree plus one per suspect; 4 bytes per node while it
 * runs.
 */
final class LeakSuspectFinder {
  static final int MAX_SUSPECTS = 10;
  private static final double FOLLOW_SHARE = 0.8;

  /** A suspect before it is named: preorder numbers and sizes. */
  record Found(
      boolean instances,
      int suspect,
      long retained,
      long instanceCount,
      int accumulationPoint,
      int accumulatedSlot,
      long accumulatedCount,
      int representative) {}

  private final DominatorTree tree;
  private final long[] retained;
  private final int[] classOfPre;
  private final int slots;

  /**
   * @param classOfPre the class slot of each preorder number (-1 for class objects, which are never
   *     grouped)
   */
  LeakSuspectFinder(DominatorTree tree, long[] retained, int[] classOfPre, int slots) {
    this.tree = tree;
    this.retained = retained;
    this.classOfPre = classOfPre;
    this.slots = slots;
  }

  List<Found> find(double thresholdShare) {
    int size = tree.size();
    long threshold = Math.max(1, (long) (retained[0] * thresholdShare));
    int[] bestChild = new int[size];
    java.util.Arrays.fill(bestChild, -1);
    long[] groupRetained = new long[slots];
    long[] groupCount = new long[slots];
    int[] groupBest = new int[slots];
    List<Found> found = new ArrayList<>();
    List<Integer> big = new ArrayList<>();
    for (int p = 1; p < size; p++) {
      int d = tree.idomPre(p);
      if (bestChild[d] < 0 || retained[p] > retained[bestChild[d]]) {
        bestChild[d] = p;
      }
      if (d == 0) {
        if (retained[p] >= threshold) {
          big.add(p);
        }
        int slot = classOfPre[p];
        if (slot >= 0) {
          if (groupCount[slot] == 0 || retained[p] > retained[groupBest[slot]]) {
            groupBest[slot] = p;
          }
          groupRetained[slot] += retained[p];
          groupCount[slot]++;
        }
      }
    }
    for (int p : big) {
      int acc = p;
      while (bestChild[acc] >= 0 && retained[bestChild[acc]] >= FOLLOW_SHARE * retained[acc]) {
        acc = bestChild[acc];
      }
      found.add(accumulation(p, acc, bestChild));
    }
    for (int slot = 0; slot < slots; slot++) {
      if (groupCount[slot] >= 2
          && groupRetained[slot] >= threshold
          && retained[groupBest[slot]] < threshold) {
        found.add(
            new Found(
                true,
                groupBest[slot],
                groupRetained[slot],
                groupCount[slot],
                -1,
                slot,
                groupCount[slot],
                groupBest[slot]));
      }
    }
    found.sort(Comparator.comparingLong(Found::retained).reversed());
    return found.size() > MAX_SUSPECTS ? found.subList(0, MAX_SUSPECTS) : found;
  }

  /** Groups the children of the accumulation point by class; the biggest group accumulates. */
  private Found accumulation(int suspect, int acc, int[] bestChild) {
    if (bestChild[acc] < 0) {
      return new Found(false, suspect, retained[suspect], 1, acc, classOfPre[acc], 1, acc);
    }
    long[] sum = new long[slots + 1];
    long[] count = new long[slots + 1];
    int[] best = new int[slots + 1];
    for (int q = acc + 1; q < tree.size(); q++) {
      if (tree.idomPre(q) == acc) {
        int slot = classOfPre[q] < 0 ? slots : classOfPre[q];
        if (count[slot] == 0 || retained[q] > retained[best[slot]]) {
          best[slot] = q;
        }
        sum[slot] += retained[q];
        count[slot]++;
      }
    }
    int top = 0;
    for (int s = 1; s <= slots; s++) {
      if (sum[s] > sum[top]) {
        top = s;
      }
    }
    return new Found(
        false, suspect, retained[suspect], 1, acc, top == slots ? -1 : top, count[top], best[top]);
  }
}
