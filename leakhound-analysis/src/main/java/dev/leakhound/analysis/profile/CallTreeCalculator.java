package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the call tree of a profile for flame graphs: every sample's stack from the root (with
 * inlined frames expanded) is a path, and each node sums the values of the samples through it. Uses
 * the same pruning, focus and ignore as {@link TopCalculator}. For a diff, {@code value} sums the
 * current samples and {@code delta} all of them (current minus base).
 *
 * <p>Stacks deeper than {@link #MAX_DEPTH} frames are cut at that depth (the rest of the value
 * stays on the last node kept), so hostile input cannot make the tree (or its JSON) recurse without
 * bound.
 *
 * <p>Stateless; thread-safe. Cost: linear in stack frames; nodes live on primitive arrays keyed by
 * (parent, frame) in an open-addressing table until the records are built, bottom-up, without
 * recursion.
 */
public final class CallTreeCalculator {
  /** The deepest path kept. */
  public static final int MAX_DEPTH = 1024;

  private CallTreeCalculator() {}

  /** The call tree of {@code profile}; uses the sample index, granularity, focus and ignore. */
  public static FlameGraph compute(Profile profile, TopOptions options) {
    ReportInput input = ReportInput.of(profile, options);
    Profile p = input.profile();
    int index = input.index();
    boolean diff = input.diff();
    NodeTable nodes = input.nodes();

    Tree tree = new Tree(p.sampleCount() + 16);
    for (int s = 0; s < p.sampleCount(); s++) {
      long w = p.value(s, index);
      if (w == 0) {
        continue;
      }
      long current = diff && ProfileAlgebra.isBaseSample(p, s) ? 0 : w;
      int node = 0;
      tree.add(node, current, w);
      int depth = 0;
      for (int d = p.stackDepth(s) - 1; d >= 0 && depth < MAX_DEPTH; d--) {
        int[] locNodes = nodes.locationNodes[p.stackLocation(s, d)];
        for (int k = locNodes.length - 1; k >= 0 && depth < MAX_DEPTH; k--, depth++) {
          node = tree.child(node, locNodes[k]);
          tree.add(node, current, w);
        }
      }
    }
    ValueType type = input.type();
    return new FlameGraph(type.type(), type.unit(), diff, tree.toRecords(nodes, diff));
  }

  /** The tree on parallel arrays; node 0 is the root. */
  private static final class Tree {
    private int[] frame = new int[1024];
    private int[] parent = new int[1024];
    private long[] current = new long[1024];
    private long[] net = new long[1024];
    private int size = 1;
    private final LongIntMap children;

    Tree(int expected) {
      children = new LongIntMap(expected);
      frame[0] = -1;
      parent[0] = -1;
    }

    /**
     * Adds a sample's value: {@code currentPart} counts towards the width, {@code change} the net.
     */
    void add(int node, long currentPart, long change) {
      current[node] += currentPart;
      net[node] += change;
    }

    int child(int node, int frameId) {
      long key = ((long) node << 32) | frameId;
      int c = children.get(key);
      if (c >= 0) {
        return c;
      }
      if (size == frame.length) {
        int n = size * 2;
        frame = Arrays.copyOf(frame, n);
        parent = Arrays.copyOf(parent, n);
        current = Arrays.copyOf(current, n);
        net = Arrays.copyOf(net, n);
      }
      frame[size] = frameId;
      parent[size] = node;
      children.put(key, size);
      return size++;
    }

    FlameNode toRecords(NodeTable nodes, boolean diff) {
      List<List<FlameNode>> kids = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        kids.add(null);
      }
      FlameNode[] built = new FlameNode[size];
      Comparator<FlameNode> order =
          Comparator.comparingLong((FlameNode n) -> Math.abs(diff ? n.delta() : n.value()))
              .reversed()
              .thenComparing(FlameNode::name);
      // Children are created after their parents: build from the last node back.
      for (int i = size - 1; i >= 0; i--) {
        List<FlameNode> c = kids.get(i) == null ? List.of() : kids.get(i);
        if (c.size() > 1) {
          c.sort(order);
        }
        String name = i == 0 ? "root" : nodes.infos.get(frame[i]).printableName();
        built[i] = new FlameNode(name, diff ? current[i] : net[i], diff ? net[i] : null, c);
        if (i > 0) {
          if (kids.get(parent[i]) == null) {
            kids.set(parent[i], new ArrayList<>());
          }
          kids.get(parent[i]).add(built[i]);
        }
      }
      return built[0];
    }
  }
}
