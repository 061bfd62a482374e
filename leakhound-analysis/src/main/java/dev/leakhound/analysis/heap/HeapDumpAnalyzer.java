package dev.leakhound.analysis.heap;

import dev.leakhound.formats.hprof.HprofRootKind;
import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * Analyses a heap dump end to end: reads it into a compact {@link HeapGraph} (two streaming
 * passes), computes the dominator tree and retained sizes, the class histogram and GC roots by
 * kind, finds leak suspects with their accumulation points, and names the shortest strong path from
 * a GC root to each (a third pass reads the field names it goes through).
 *
 * <p>Stateless; each call is independent and runs on the caller's thread. Cost: three sequential
 * reads of the dump plus near-linear graph work. The Java heap peaks at about 12 bytes per object,
 * in the retained-size phase, whatever the number of references (issue #8's target is 16; the
 * arrays are made in the analysis's {@link ArrayLedger}, whose peak a test bounds): every
 * per-object or per-reference array a phase does not update at random lives in memory-mapped
 * temporary files in {@code java.io.tmpdir} (at most about 24 bytes per object plus 8 per reference
 * of disk, unlinked as soon as they are made).
 */
public final class HeapDumpAnalyzer {
  private static final Pattern MAP_ENTRY = Pattern.compile("\\$(Node|Entry|TreeNode|HashEntry)$");

  private HeapDumpAnalyzer() {}

  /** What to report and how. */
  public record Options(int top, int histogramRows, boolean showValues, double suspectShare) {
    public Options {
      if (top < 1 || histogramRows < 1 || suspectShare <= 0 || suspectShare > 1) {
        throw new IllegalArgumentException("top >= 1, histogramRows >= 1, 0 < suspectShare <= 1");
      }
    }

    /** 20 dominators and 30 histogram rows, no values, suspects from 10% of the heap. */
    public static Options defaults() {
      return new Options(20, 30, false, 0.10);
    }
  }

  /**
   * Analyses {@code file} (plain or gzipped hprof).
   *
   * @throws dev.leakhound.formats.io.InputFormatException when the dump is malformed
   * @throws java.util.concurrent.CancellationException when {@code cancel} is raised
   */
  public static HeapReport analyze(
      Path file, Options options, ProgressListener progress, CancelSignal cancel)
      throws IOException {
    return analyze(file, file.toString(), options, progress, cancel);
  }

  /** Same, naming the dump {@code name} in the report and in errors (e.g. {@code <stdin>}). */
  public static HeapReport analyze(
      Path file, String name, Options options, ProgressListener progress, CancelSignal cancel)
      throws IOException {
    try {
      return run(file, name, options, progress, cancel, ScratchSpace.inTempDir());
    } catch (InputFormatException e) {
      throw name.equals(file.toString()) ? e : e.withSource(name);
    }
  }

  /**
   * The quick look: one streaming pass for the class histogram, object counts and GC roots by kind,
   * holding nothing per object. The report has no dominators or suspects and its reachable figures
   * are -1 (nothing was traced).
   */
  public static HeapReport histogram(
      Path file, String name, Options options, ProgressListener progress, CancelSignal cancel)
      throws IOException {
    ClassHistogramPass pass = new ClassHistogramPass();
    try {
      pass.run(file, progress, cancel);
    } catch (InputFormatException e) {
      throw name.equals(file.toString()) ? e : e.withSource(name);
    }
    List<HeapReport.HistogramEntry> rows = new ArrayList<>();
    long shallow = 0;
    for (int s = 0; s < pass.classes.size() && s < pass.count.length; s++) {
      if (pass.count[s] > 0) {
        rows.add(
            new HeapReport.HistogramEntry(pass.classes.get(s).name, pass.count[s], pass.bytes[s]));
        shallow += pass.bytes[s];
      }
    }
    List<HeapReport.GcRootCount> roots = rootCounts(pass.rootsByKind, 0);
    return new HeapReport(
        name,
        pass.version,
        pass.idSize,
        pass.read.truncated(),
        partialReason(pass.read),
        pass.objects,
        pass.classDumps,
        -1,
        shallow,
        -1,
        -1,
        roots,
        sortAndCut(rows, options.histogramRows()),
        List.of(),
        List.of());
  }

  private static String partialReason(dev.leakhound.formats.hprof.HprofReadResult read) {
    return read.truncated()
        ? "the dump ends early: at byte "
            + read.truncatedAt()
            + " expected "
            + read.truncation()
            + "; only what precedes it was analysed"
        : null;
  }

  private static List<HeapReport.HistogramEntry> sortAndCut(
      List<HeapReport.HistogramEntry> rows, int limit) {
    rows.sort(
        Comparator.comparingLong(HeapReport.HistogramEntry::shallowBytes)
            .reversed()
            .thenComparing(HeapReport.HistogramEntry::className));
    return rows.size() > limit ? rows.subList(0, limit) : rows;
  }

  /**
   * The phases, each keeping on the heap only what it updates at random: the identifier index while
   * the graph is built (4 to 12 bytes per object), the preorder and the predecessor counts in the
   * depth-first search and transposition (8), two arrays in the semi-dominator step (8), the
   * immediate dominators with the retained sizes (12); each phase keeps only the handful of numbers
   * the report needs.
   */
  static HeapReport run(
      Path file,
      String name,
      Options options,
      ProgressListener progress,
      CancelSignal cancel,
      ScratchSpace scratch)
      throws IOException {
    HeapGraph g;
    try {
      g = new HeapGraphLoader(file, scratch, progress, cancel).load();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    DominatorTree tree = null;
    try {
      DominatorTree.Edges edges = new DominatorTree.Edges(g.outOffsets, g.outTargets);
      g.outOffsets = null;
      g.outTargets = null;
      tree =
          DominatorTree.compute(scratch, g.nodeCount, edges, g.rootNodes, false, progress, cancel);
      return report(file, name, options, progress, cancel, g, tree, scratch.ledger());
    } catch (DominatorTree.TooManyReferencesException e) {
      throw InputFormatException.atByte(
          name, 0, "fewer than 2^32 references to any one object (a limit of this analysis)");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      if (tree != null) {
        tree.close();
      }
      g.close();
    }
  }

  private static HeapReport report(
      Path file,
      String name,
      Options options,
      ProgressListener progress,
      CancelSignal cancel,
      HeapGraph g,
      DominatorTree tree,
      ArrayLedger ledger)
      throws IOException {
    progress.onProgress("retained sizes", 0, 1);
    long[] retained = tree.retainedSizes(g::shallowBytes);
    long total = retained[0];
    int[] top = topDominators(tree, retained, options.top());
    long[] topShallow = new long[top.length];
    long[] topRetained = new long[top.length];
    for (int i = 0; i < top.length; i++) {
      topShallow[i] = g.shallowBytes(tree.node(top[i]));
      topRetained[i] = retained[top[i]];
    }
    g.shallowUnits.close();
    progress.onProgress("leak suspects", 0, 1);
    IntUnaryOperator classOfPre =
        p -> {
          int node = tree.node(p);
          return node < 0 || g.isClassNode(node) ? -1 : g.classOf(node);
        };
    List<LeakSuspectFinder.Found> found =
        new LeakSuspectFinder(
                tree,
                retained,
                classOfPre,
                g.classes.size(),
                slot -> MAP_ENTRY.matcher(g.classes.get(slot).name).find(),
                ledger)
            .find(options.suspectShare());
    ledger.release(retained);
    retained = null;

    progress.onProgress("paths to GC roots", 0, found.size() + top.length);
    GcRootPathFinder paths = new GcRootPathFinder(tree, ledger);
    List<int[]> suspectPaths = new ArrayList<>();
    BitSet wanted = ledger.bits("objects to name", g.objectCount);
    for (LeakSuspectFinder.Found f : found) {
      cancel.throwIfCancelled();
      int[] path = paths.path(f.representative());
      suspectPaths.add(path);
      want(wanted, tree, path);
      want(wanted, tree, new int[] {f.suspect(), Math.max(f.accumulationPoint(), 0)});
    }
    List<int[]> dominatorPaths = new ArrayList<>();
    for (int p : top) {
      cancel.throwIfCancelled();
      int[] path = paths.path(p);
      dominatorPaths.add(path);
      want(wanted, tree, path);
    }
    paths.release();
    paths = null;
    tree.releasePredecessors();
    ObjectDetails details = new ObjectDetails(g, wanted, options.showValues());
    details.read(file, progress, cancel);
    ledger.release(wanted);

    List<HeapReport.Dominator> dominators = new ArrayList<>();
    for (int i = 0; i < top.length; i++) {
      int node = tree.node(top[i]);
      dominators.add(
          new HeapReport.Dominator(
              details.className(node),
              SuspectNamer.hex(details.id(node)),
              topShallow[i],
              topRetained[i],
              SuspectNamer.percent(topRetained[i], total),
              SuspectNamer.steps(details, tree, dominatorPaths.get(i))));
    }
    List<HeapReport.Suspect> suspects = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      suspects.add(
          SuspectNamer.suspect(found.get(i), suspectPaths.get(i), g, tree, total, details));
    }
    return new HeapReport(
        name,
        g.version,
        g.idSize,
        g.read.truncated(),
        partialReason(g.read),
        g.objectCount,
        g.nodeCount - g.objectCount,
        g.references,
        shallowTotal(g),
        tree.size() - 1,
        total,
        rootCounts(g),
        histogram(g, options.histogramRows()),
        dominators,
        suspects);
  }

  private static void want(BitSet wanted, DominatorTree tree, int[] pres) {
    for (int p : pres) {
      if (p > 0) {
        int node = tree.node(p);
        if (node >= 0 && node < wanted.size()) {
          wanted.set(node);
        }
      }
    }
  }

  private static int[] topDominators(DominatorTree tree, long[] retained, int k) {
    int[] best = new int[k];
    int n = 0;
    for (int p = 1; p < tree.size(); p++) {
      if (tree.idomPre(p) != 0 || (n == k && retained[p] <= retained[best[n - 1]])) {
        continue;
      }
      int i = n < k ? n++ : n - 1;
      while (i > 0 && retained[best[i - 1]] < retained[p]) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = p;
    }
    return java.util.Arrays.copyOf(best, n);
  }

  private static List<HeapReport.GcRootCount> rootCounts(HeapGraph g) {
    long[] counts = new long[HprofRootKind.values().length];
    long classRoots = 0;
    for (byte kind : g.rootKinds) {
      if (kind == HeapGraph.CLASS_ROOT) {
        classRoots++;
      } else {
        counts[kind]++;
      }
    }
    return rootCounts(counts, classRoots);
  }

  /** Root counts by kind (ordinals of HprofRootKind), biggest first, plus classes as roots. */
  private static List<HeapReport.GcRootCount> rootCounts(long[] byKind, long classRoots) {
    List<HeapReport.GcRootCount> out = new ArrayList<>();
    for (HprofRootKind kind : HprofRootKind.values()) {
      if (byKind[kind.ordinal()] > 0) {
        out.add(new HeapReport.GcRootCount(kind.label(), byKind[kind.ordinal()]));
      }
    }
    if (classRoots > 0) {
      out.add(new HeapReport.GcRootCount("class (static fields)", classRoots));
    }
    out.sort(Comparator.comparingLong(HeapReport.GcRootCount::count).reversed());
    return out;
  }

  private static List<HeapReport.HistogramEntry> histogram(HeapGraph g, int limit) {
    List<HeapReport.HistogramEntry> out = new ArrayList<>();
    for (int s = 0; s < g.countBySlot.length; s++) {
      if (g.countBySlot[s] > 0) {
        out.add(
            new HeapReport.HistogramEntry(
                g.classes.get(s).name, g.countBySlot[s], g.bytesBySlot[s]));
      }
    }
    return sortAndCut(out, limit);
  }

  private static long shallowTotal(HeapGraph g) {
    long sum = 0;
    for (long bytes : g.bytesBySlot) {
      sum += bytes;
    }
    return sum;
  }
}
