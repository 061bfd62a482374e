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
 * <p>Not thread-safe. One linear scan of the tree, one per level of descent and one per suspect; a
 * bit per node while it runs.
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
      long accumulationRetained,
      int accumulatedSlot,
      long accumulatedCount,
      int representative) {}

  private final DominatorTree tree;
  private final long[] retained;
  private final java.util.function.IntUnaryOperator classOfPre;
  private final int slots;
  private final java.util.function.IntPredicate entryClass;
  private final ArrayLedger ledger;

  /**
   * @param classOfPre the class slot of each preorder number (-1 for class objects, which are never
   *     grouped)
   * @param entryClass whether a class slot is a map's entry type, whose value a path goes on to
   * @param ledger where its per-node bit set is made
   */
  LeakSuspectFinder(
      DominatorTree tree,
      long[] retained,
      java.util.function.IntUnaryOperator classOfPre,
      int slots,
      java.util.function.IntPredicate entryClass,
      ArrayLedger ledger) {
    this.entryClass = entryClass;
    this.ledger = ledger;
    this.tree = tree;
    this.retained = retained;
    this.classOfPre = classOfPre;
    this.slots = slots;
  }

  List<Found> find(double thresholdShare) {
    int size = tree.size();
    long threshold = Math.max(1, (long) (retained[0] * thresholdShare));
    long[] groupRetained = new long[slots];
    long[] groupCount = new long[slots];
    int[] groupBest = new int[slots];
    List<Integer> big = new ArrayList<>();
    for (int p = 1; p < size; p++) {
      if (tree.idomPre(p) != 0) {
        continue;
      }
      if (retained[p] >= threshold) {
        big.add(p);
      }
      int slot = classOfPre.applyAsInt(p);
      if (slot >= 0) {
        if (groupCount[slot] == 0 || retained[p] > retained[groupBest[slot]]) {
          groupBest[slot] = p;
        }
        groupRetained[slot] += retained[p];
        groupCount[slot]++;
      }
    }
    List<Integer> groups = new ArrayList<>();
    for (int slot = 0; slot < slots; slot++) {
      if (groupCount[slot] >= 2
          && groupRetained[slot] >= threshold
          && retained[groupBest[slot]] < threshold) {
        groups.add(slot);
      }
    }
    // Dominators and the biggest instance of each group descend to their accumulation points
    // together: one scan of the tree per level for all of them.
    int[] starts = new int[big.size() + groups.size()];
    for (int i = 0; i < big.size(); i++) {
      starts[i] = big.get(i);
    }
    for (int i = 0; i < groups.size(); i++) {
      starts[big.size() + i] = groupBest[groups.get(i)];
    }
    int[] acc = descend(starts);
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < big.size(); i++) {
      found.add(accumulation(big.get(i), acc[i]));
    }
    for (int i = 0; i < groups.size(); i++) {
      int slot = groups.get(i);
      Found one = accumulation(groupBest[slot], acc[big.size() + i]);
      found.add(
          new Found(
              true,
              groupBest[slot],
              groupRetained[slot],
              groupCount[slot],
              one.accumulationPoint(),
              one.accumulationRetained(),
              one.accumulatedSlot(),
              one.accumulatedCount(),
              one.representative()));
    }
    found.sort(Comparator.comparingLong(Found::retained).reversed());
    return found.size() > MAX_SUSPECTS ? found.subList(0, MAX_SUSPECTS) : found;
  }

  /**
   * From each start, follows the biggest dominated child while it keeps most of its parent. All
   * starts descend together, one scan of the tree per level, so no per-node child array is needed.
   */
  private int[] descend(int[] starts) {
    int[] cur = starts.clone();
    boolean[] done = new boolean[cur.length];
    java.util.BitSet frontier = ledger.bits("accumulation frontier", tree.size());
    for (int level = 0; level < 256; level++) {
      frontier.clear();
      int active = 0;
      for (int i = 0; i < cur.length; i++) {
        if (!done[i]) {
          frontier.set(cur[i]);
          active++;
        }
      }
      if (active == 0) {
        break;
      }
      LongIntMap best = new LongIntMap(16);
      for (int p = 1; p < tree.size(); p++) {
        int d = tree.idomPre(p);
        if (frontier.get(d)) {
          int b = best.get(d);
          if (b < 0 || retained[p] > retained[b]) {
            best.put(d, p);
          }
        }
      }
      for (int i = 0; i < cur.length; i++) {
        if (done[i]) {
          continue;
        }
        int b = best.get(cur[i]);
        if (b >= 0 && retained[b] >= FOLLOW_SHARE * retained[cur[i]]) {
          cur[i] = b;
        } else {
          done[i] = true;
        }
      }
    }
    ledger.release(frontier);
    return cur;
  }

  /** Groups the children of the accumulation point by class; the biggest group accumulates. */
  private Found accumulation(int suspect, int acc) {
    long[] sum = new long[slots + 1];
    long[] count = new long[slots + 1];
    int[] best = new int[slots + 1];
    for (int q = acc + 1; q < tree.size(); q++) {
      if (tree.idomPre(q) == acc) {
        int slot = classOfPre.applyAsInt(q) < 0 ? slots : classOfPre.applyAsInt(q);
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
    if (count[top] == 0) {
      // Nothing below: the accumulation point itself is what is big (a huge array, say).
      return new Found(
          false,
          suspect,
          retained[suspect],
          1,
          acc,
          retained[acc],
          classOfPre.applyAsInt(acc),
          1,
          acc);
    }
    int representative = best[top];
    if (top < slots && entryClass.test(top)) {
      // A map's entries pile up: the path goes on to the value an entry holds, which is what the
      // developer put there.
      representative = biggestChild(representative);
    }
    return new Found(
        false,
        suspect,
        retained[suspect],
        1,
        acc,
        retained[acc],
        top == slots ? -1 : top,
        count[top],
        representative);
  }

  /** The biggest child that is not itself an entry (the next entry of a hash chain). */
  private int biggestChild(int parent) {
    int best = parent;
    for (int q = parent + 1; q < tree.size(); q++) {
      if (tree.idomPre(q) == parent
          && (best == parent || retained[q] > retained[best])
          && !isEntry(q)) {
        best = q;
      }
    }
    return best;
  }

  private boolean isEntry(int pre) {
    int slot = classOfPre.applyAsInt(pre);
    return slot >= 0 && entryClass.test(slot);
  }
}
