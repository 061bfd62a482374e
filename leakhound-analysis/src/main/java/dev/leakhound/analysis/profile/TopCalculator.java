package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Mapping;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Computes a {@link TopReport} the way {@code go tool pprof -top} does: prunes the profile's
 * uninteresting frames, takes the total over all samples (over the base samples for a diff), then
 * applies focus and ignore, builds one node per function (or line), adds each sample's value to the
 * flat value of its leaf node and to the cumulative value of every node on its stack (once per
 * sample, however often a recursive function appears), drops nodes under the node-fraction cutoff,
 * sorts (|flat| descending, or growth first for a diff, then by name) and keeps the first {@code
 * nodeCount}.
 *
 * <p>Stateless; thread-safe. Cost: linear in stack frames; primitive arrays indexed by node id,
 * with a per-node stamp instead of a set to count each node once per sample.
 */
public final class TopCalculator {
  /** pprof's default edge fraction: edges lighter than this share of the total are dropped. */
  private static final double EDGE_FRACTION = 0.001;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");

  private TopCalculator() {}

  public static TopReport compute(Profile profile, TopOptions options) {
    ReportInput input = ReportInput.of(profile, options);
    Profile p = input.profile();
    int index = input.index();
    ValueType type = input.type();
    boolean diff = input.diff();
    long total = input.total();
    NodeTable nodes = input.nodes();
    int n = nodes.size();
    long[] flat = new long[n];
    long[] cum = new long[n];
    int[] seen = new int[n];
    Arrays.fill(seen, -1);
    for (int s = 0; s < p.sampleCount(); s++) {
      long w = p.value(s, index);
      if (w == 0) {
        continue;
      }
      int leaf = -1;
      for (int d = p.stackDepth(s) - 1; d >= 0; d--) {
        int[] locNodes = nodes.locationNodes[p.stackLocation(s, d)];
        for (int k = locNodes.length - 1; k >= 0; k--) {
          int node = locNodes[k];
          if (seen[node] != s) {
            seen[node] = s;
            cum[node] += w;
          }
          leaf = node;
        }
      }
      if (leaf >= 0) {
        flat[leaf] += w;
      }
    }

    List<Integer> present = new ArrayList<>();
    long totalFlat = 0;
    for (int i = 0; i < n; i++) {
      if (flat[i] != 0 || cum[i] != 0) {
        present.add(i);
        totalFlat += flat[i];
      }
    }
    long cutoff = Math.abs((long) ((double) totalFlat * options.nodeFraction()));
    List<Integer> kept = new ArrayList<>();
    for (int i : present) {
      if (Math.abs(cum[i]) >= cutoff) {
        kept.add(i);
      }
    }
    int dropped = present.size() - kept.size();
    kept.sort(order(nodes, flat, cum, diff));
    int nodesBeforeLimit = kept.size();
    if (options.nodeCount() > 0 && kept.size() > options.nodeCount()) {
      kept = kept.subList(0, options.nodeCount());
    }

    long edgeCutoff = Math.abs((long) ((double) totalFlat * EDGE_FRACTION));
    String[] inline = inlineLabels(p, index, nodes, kept, edgeCutoff);
    List<TopRow> rows = new ArrayList<>(kept.size());
    long shown = 0;
    for (int i : kept) {
      NodeTable.Info info = nodes.infos.get(i);
      Function f = nodes.functions.get(i);
      String function = info.name().isEmpty() ? info.printableName() : info.name();
      String file = f == null ? "" : f.filename();
      long line =
          options.granularity() == Granularity.LINE ? info.lineno() : f == null ? 0 : f.startLine();
      rows.add(new TopRow(function, file, line, flat[i], cum[i], info.printableName(), inline[i]));
      shown += flat[i];
    }
    String outputUnit = outputUnit(rows, total, type.unit());
    return new TopReport(
        type.type(),
        type.unit(),
        total,
        shown,
        dropped,
        rows,
        headerLines(p, type, total, outputUnit),
        activeFilters(options),
        diff,
        options.nodeCount(),
        nodesBeforeLimit,
        options.nodeFraction(),
        outputUnit);
  }

  /**
   * pprof's {@code (inline)} and {@code (partial-inline)} marks: whether the edges into a node (in
   * the graph of the kept nodes, lighter edges dropped) come from the location the node was inlined
   * into. Edges are counted once per sample, as pprof's {@code newGraph} does.
   */
  private static String[] inlineLabels(
      Profile p, int index, NodeTable nodes, List<Integer> kept, long edgeCutoff) {
    int n = nodes.size();
    boolean[] isKept = new boolean[n];
    for (int i : kept) {
      isKept[i] = true;
    }
    LongIntMap edgeIndex = new LongIntMap(kept.size() * 4);
    int edges = 0;
    int[] child = new int[256];
    long[] weight = new long[256];
    boolean[] allInline = new boolean[256];
    int[] stamp = new int[256];
    for (int s = 0; s < p.sampleCount(); s++) {
      long w = p.value(s, index);
      if (w == 0) {
        continue;
      }
      int parent = -1;
      for (int d = p.stackDepth(s) - 1; d >= 0; d--) {
        int[] locNodes = nodes.locationNodes[p.stackLocation(s, d)];
        for (int k = locNodes.length - 1; k >= 0; k--) {
          int node = locNodes[k];
          if (!isKept[node]) {
            continue;
          }
          if (parent >= 0 && node != parent) {
            long key = ((long) parent << 32) | node;
            int e = edgeIndex.get(key);
            boolean viaInlining = k != locNodes.length - 1;
            if (e < 0) {
              if (edges == child.length) {
                int grown = edges * 2;
                child = Arrays.copyOf(child, grown);
                weight = Arrays.copyOf(weight, grown);
                allInline = Arrays.copyOf(allInline, grown);
                stamp = Arrays.copyOf(stamp, grown);
              }
              e = edges++;
              edgeIndex.put(key, e);
              child[e] = node;
              allInline[e] = viaInlining;
              stamp[e] = -1;
            }
            if (stamp[e] != s) {
              stamp[e] = s;
              weight[e] += w;
              allInline[e] &= viaInlining;
            }
          }
          parent = node;
        }
      }
    }
    boolean[] inlined = new boolean[n];
    boolean[] called = new boolean[n];
    for (int e = 0; e < edges; e++) {
      if (Math.abs(weight[e]) >= edgeCutoff) {
        if (allInline[e]) {
          inlined[child[e]] = true;
        } else {
          called[child[e]] = true;
        }
      }
    }
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) {
      labels[i] = !inlined[i] ? "" : called[i] ? "(partial-inline)" : "(inline)";
    }
    return labels;
  }

  private static Comparator<Integer> order(NodeTable nodes, long[] flat, long[] cum, boolean diff) {
    Comparator<Integer> byFlat =
        diff
            ? Comparator.comparingLong((Integer i) -> flat[i]).reversed()
            : Comparator.comparingLong((Integer i) -> Math.abs(flat[i])).reversed();
    return byFlat
        .thenComparing(i -> nodes.infos.get(i).printableName(), TopCalculator::compareUtf8)
        .thenComparing(Comparator.comparingLong((Integer i) -> Math.abs(cum[i])).reversed())
        .thenComparing(i -> nodes.infos.get(i).goSprint(), TopCalculator::compareUtf8);
  }

  /** Go compares strings by their UTF-8 bytes, which is code point order. */
  private static int compareUtf8(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /** pprof's {@code selectOutputUnit}: the unit that suits the smallest and the total. */
  private static String outputUnit(List<TopRow> rows, long total, String sampleUnit) {
    long minValue = 0;
    for (TopRow r : rows) {
      long nodeMin = Math.abs(r.flat());
      if (nodeMin == 0) {
        nodeMin = Math.abs(r.cum());
      }
      if (nodeMin > 0 && (minValue == 0 || nodeMin < minValue)) {
        minValue = nodeMin;
      }
    }
    if (rows.isEmpty()) {
      return sampleUnit;
    }
    long maxValue = total;
    if (minValue == 0) {
      minValue = maxValue;
    }
    String minUnit = Measurement.scale(minValue, sampleUnit, "minimum").unit();
    String maxUnit = Measurement.scale(maxValue, sampleUnit, "minimum").unit();
    String unit = minUnit;
    if (!minUnit.equals(maxUnit) && minValue * 100 < maxValue) {
      unit = Measurement.scale(100 * minValue, sampleUnit, "minimum").unit();
    }
    return unit.isEmpty() ? sampleUnit : unit;
  }

  /** pprof's {@code ProfileLabels}. */
  private static List<String> headerLines(
      Profile p, ValueType type, long total, String outputUnit) {
    List<String> lines = new ArrayList<>();
    if (!p.mappings().isEmpty()) {
      Mapping main = p.mappings().get(0);
      if (!main.filename().isEmpty()) {
        lines.add("File: " + NodeTable.baseName(main.filename()));
      }
      if (!main.buildId().isEmpty()) {
        lines.add("Build ID: " + main.buildId());
      }
    }
    for (String c : p.comments()) {
      if (!c.startsWith("#")) {
        lines.add(c);
      }
    }
    lines.add("Type: " + type.type());
    if (!p.docUrl().isEmpty()) {
      lines.add("Doc: " + p.docUrl());
    }
    if (p.timeNanos() != 0) {
      Instant t =
          Instant.ofEpochSecond(
              Math.floorDiv(p.timeNanos(), 1_000_000_000L),
              Math.floorMod(p.timeNanos(), 1_000_000_000L));
      lines.add("Time: " + TIME.format(t.atZone(ZoneId.systemDefault())));
    }
    if (p.durationNanos() != 0) {
      String duration = Measurement.label(p.durationNanos(), "nanoseconds");
      Measurement.Scaled totalNanos = Measurement.scale(total, type.unit(), "nanoseconds");
      String ratio = "";
      if (totalNanos.unit().equals("ns") && totalNanos.value() != 0) {
        ratio = "(" + Measurement.percentage((long) totalNanos.value(), p.durationNanos()) + ")";
      }
      lines.add(
          "Duration: "
              + duration
              + ", Total samples = "
              + Measurement.scaledLabel(total, type.unit(), outputUnit)
              + " "
              + ratio);
    }
    return lines;
  }

  private static List<String> activeFilters(TopOptions o) {
    List<String> filters = new ArrayList<>();
    if (o.focus() != null) {
      filters.add("focus=" + o.focus().pattern());
    }
    if (o.ignore() != null) {
      filters.add("ignore=" + o.ignore().pattern());
    }
    return filters;
  }
}
