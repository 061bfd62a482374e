package dev.leakhound.analysis.heap;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.formats.hprof.HprofRootKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a found suspect into what the report says about it: the path as a developer reads it, the
 * kind of GC root it starts at, the leak pattern its path and class suggest, and one sentence in
 * the manner of MAT's Leak Suspects report.
 *
 * <p>Stateless and thread-safe.
 */
final class SuspectNamer {
  private static final Pattern LISTENER =
      Pattern.compile("listener|callback|observer|handler|subscriber", Pattern.CASE_INSENSITIVE);
  private static final Pattern COLLECTION =
      Pattern.compile(
          "(ArrayList|LinkedList|HashMap|HashSet|Hashtable|TreeMap|Vector|ArrayDeque|Map|List"
              + "|Set|Queue)[.$]");
  private static final Pattern QUEUE = Pattern.compile("Queue[.$]|Deque[.$]");

  private SuspectNamer() {}

  static HeapReport.Suspect suspect(
      LeakSuspectFinder.Found f,
      int[] path,
      HeapGraph g,
      DominatorTree tree,
      long total,
      ObjectDetails details) {
    int node = tree.node(f.suspect());
    String className = details.className(node);
    String accumulated =
        f.accumulatedSlot() < 0 ? "java.lang.Class" : g.classes.get(f.accumulatedSlot()).name;
    int accNode = tree.node(f.accumulationPoint());
    HeapReport.AccumulationPoint point =
        new HeapReport.AccumulationPoint(
            details.className(accNode), hex(details.id(accNode)), f.accumulationRetained());
    List<String> steps = steps(details, tree, path);
    String rootKind = rootKind(g, tree.node(path[0]));
    LeakPattern pattern = pattern(steps, accumulated);
    double pct = percent(f.retained(), total);
    String description;
    if (f.instances()) {
      description =
          String.format(
              Locale.ROOT,
              "%,d instances of %s, each held from a GC root, retain %s (%.1f%% of the heap)."
                  + " In the biggest, the memory accumulates in one instance of %s, which holds"
                  + " %,d instances of %s.",
              f.instanceCount(),
              className,
              Bytes.format(f.retained()),
              pct,
              point.className(),
              f.accumulatedCount(),
              accumulated);
    } else {
      String holder =
          g.isClassNode(node)
              ? "The " + className + " (its static fields)"
              : "One instance of " + className;
      description =
          String.format(
              Locale.ROOT,
              "%s retains %s (%.1f%% of the heap). The memory accumulates in one instance of %s,"
                  + " which holds %,d instances of %s.",
              holder,
              Bytes.format(f.retained()),
              pct,
              point.className(),
              f.accumulatedCount(),
              accumulated);
    }
    return new HeapReport.Suspect(
        f.instances() ? "instances" : "dominator",
        className,
        hex(details.id(node)),
        f.retained(),
        pct,
        f.instanceCount(),
        point,
        accumulated,
        f.accumulatedCount(),
        steps,
        rootKind,
        pattern,
        pattern.remedy(),
        description);
  }

  /** Names a leak from how its path reads. */
  static LeakPattern pattern(List<String> steps, String accumulatedClass) {
    String joined = String.join(" -> ", steps);
    if (joined.contains("ThreadLocal") || joined.contains("Thread.threadLocals")) {
      return LeakPattern.THREAD_LOCAL_IN_POOL;
    }
    if (LISTENER.matcher(accumulatedClass).find()
        || LISTENER.matcher(joined.substring(0, Math.max(0, joined.lastIndexOf(" -> ")))).find()) {
      return LeakPattern.LISTENER_NEVER_REMOVED;
    }
    boolean fromStatic = !steps.isEmpty() && steps.get(0).startsWith("static ");
    if (fromStatic && COLLECTION.matcher(joined).find()) {
      return LeakPattern.STATIC_COLLECTION;
    }
    if (QUEUE.matcher(joined).find()) {
      return LeakPattern.UNBOUNDED_QUEUE;
    }
    if (joined.contains("Map.") || joined.contains("Map$")) {
      return LeakPattern.UNBOUNDED_MAP;
    }
    return fromStatic ? LeakPattern.STATIC_COLLECTION : LeakPattern.UNKNOWN;
  }

  /** Path steps as a developer reads them: each edge by its field, then the target's class. */
  static List<String> steps(ObjectDetails details, DominatorTree tree, int[] path) {
    List<String> steps = new ArrayList<>();
    for (int i = 0; i + 1 < path.length; i++) {
      steps.add(details.edge(tree.node(path[i]), tree.node(path[i + 1])));
    }
    steps.add(details.describe(tree.node(path[path.length - 1])));
    return steps;
  }

  static String rootKind(HeapGraph g, int node) {
    for (int i = 0; i < g.rootNodes.length; i++) {
      if (g.rootNodes[i] == node) {
        byte kind = g.rootKinds[i];
        if (g.isClassNode(node)) {
          // A class is a root through its statics, whatever else the dump says about it.
          return kind == HprofRootKind.STICKY_CLASS.ordinal()
              ? "system class (static fields)"
              : "class (static fields)";
        }
        return kind == HeapGraph.CLASS_ROOT
            ? "class (static fields)"
            : HprofRootKind.values()[kind].label();
      }
    }
    return "unknown";
  }

  static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
  }

  static String hex(long id) {
    return "0x" + Long.toHexString(id);
  }
}
