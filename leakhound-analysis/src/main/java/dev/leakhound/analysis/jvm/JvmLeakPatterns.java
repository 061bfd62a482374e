package dev.leakhound.analysis.jvm;

import dev.leakhound.analysis.pattern.LeakPattern;
import java.util.List;
import java.util.Set;

/**
 * Names the leak pattern of a growing application class from what grows with it (a class histogram
 * cannot show references, but the JDK classes that grow in step betray the container: map nodes,
 * queue nodes, ThreadLocal entries) and, failing that, from its name (listeners, callbacks,
 * per-request data).
 *
 * <p>Stateless and thread-safe.
 */
final class JvmLeakPatterns {
  /** What the pattern is and why it was chosen, in a phrase for the report. */
  record Match(LeakPattern pattern, String reason) {}

  private static final Set<String> THREAD_LOCAL =
      Set.of("java.lang.ThreadLocal$ThreadLocalMap$Entry", "java.lang.ThreadLocal");

  private static final Set<String> QUEUE_NODES =
      Set.of(
          "java.util.concurrent.LinkedBlockingQueue$Node",
          "java.util.concurrent.LinkedBlockingDeque$Node",
          "java.util.concurrent.ConcurrentLinkedQueue$Node",
          "java.util.concurrent.ConcurrentLinkedDeque$Node",
          "java.util.concurrent.LinkedTransferQueue$Node",
          "java.util.concurrent.LinkedTransferQueue$DualNode",
          "java.util.concurrent.SynchronousQueue$TransferStack$SNode",
          "java.util.concurrent.PriorityBlockingQueue",
          "java.util.LinkedList$Node",
          "java.util.concurrent.FutureTask",
          "java.util.concurrent.Executors$RunnableAdapter",
          "java.util.concurrent.CompletableFuture$AsyncSupply",
          "java.util.concurrent.CompletableFuture$AsyncRun",
          "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask");

  private static final Set<String> MAP_NODES =
      Set.of(
          "java.util.HashMap$Node",
          "java.util.HashMap$TreeNode",
          "java.util.LinkedHashMap$Entry",
          "java.util.concurrent.ConcurrentHashMap$Node",
          "java.util.concurrent.ConcurrentHashMap$TreeNode",
          "java.util.concurrent.ConcurrentSkipListMap$Node",
          "java.util.concurrent.ConcurrentSkipListMap$Index",
          "java.util.TreeMap$Entry",
          "java.util.Hashtable$Entry",
          "java.util.WeakHashMap$Entry",
          "java.util.IdentityHashMap");

  private static final List<String> LISTENER_WORDS =
      List.of("listener", "callback", "observer", "subscriber", "subscription", "watcher", "hook");

  private static final List<String> QUEUE_WORDS =
      List.of("task", "job", "message", "command", "event", "work");

  private static final List<String> PER_REQUEST_WORDS =
      List.of("requestcontext", "requesttrace", "trace", "span", "mdc", "threadlocal", "context");

  private static final List<String> COLLECTION_WORDS =
      List.of("session", "cache", "entry", "record", "registry", "audit", "history");

  private JvmLeakPatterns() {}

  /**
   * The pattern of {@code className}, given the JDK classes attributed to it (those that grow in
   * step with it); {@link LeakPattern#UNKNOWN} when nothing points anywhere. A container class is
   * evidence only at one per instance (a map holds one node per entry): other ratios are
   * coincidences of rate, such as JMX's buffer of GC notifications, which grows with the GC rate
   * and so with any leak.
   */
  static Match match(String className, List<CoGrowth> coGrowing) {
    List<String> coGrowingJdkClasses = new java.util.ArrayList<>();
    for (CoGrowth g : coGrowing) {
      if (g.ratio() >= 0.8 && g.ratio() <= 1.25) {
        coGrowingJdkClasses.add(g.className());
      }
    }
    for (String c : coGrowingJdkClasses) {
      if (THREAD_LOCAL.contains(c)) {
        return new Match(LeakPattern.THREAD_LOCAL_IN_POOL, shortName(c) + " grows with it");
      }
    }
    for (String c : coGrowingJdkClasses) {
      if (QUEUE_NODES.contains(c)) {
        return new Match(LeakPattern.UNBOUNDED_QUEUE, shortName(c) + " grows with it");
      }
    }
    String name = JvmClassNames.lowerSimpleName(className);
    if (JvmClassNames.isLambda(className)) {
      return new Match(
          LeakPattern.LISTENER_NEVER_REMOVED, "lambda instances kept alive: callbacks registered");
    }
    String word = firstContained(name, LISTENER_WORDS);
    if (word != null) {
      return new Match(LeakPattern.LISTENER_NEVER_REMOVED, "its name says " + word);
    }
    for (String c : coGrowingJdkClasses) {
      if (MAP_NODES.contains(c)) {
        return new Match(LeakPattern.STATIC_COLLECTION, shortName(c) + " grows with it");
      }
    }
    word = firstContained(name, PER_REQUEST_WORDS);
    if (word != null) {
      return new Match(
          LeakPattern.THREAD_LOCAL_IN_POOL,
          "per-request data (its name says " + word + ") outlives its request, held by no map");
    }
    word = firstContained(name, QUEUE_WORDS);
    if (word != null) {
      return new Match(LeakPattern.UNBOUNDED_QUEUE, "its name says " + word);
    }
    word = firstContained(name, COLLECTION_WORDS);
    if (word != null) {
      return new Match(LeakPattern.STATIC_COLLECTION, "its name says " + word);
    }
    return new Match(LeakPattern.UNKNOWN, "nothing in the histogram names the container");
  }

  /** {@code HashMap$Node} for {@code java.util.HashMap$Node}. */
  static String shortName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String firstContained(String name, List<String> words) {
    for (String w : words) {
      if (name.contains(w)) {
        return w;
      }
    }
    return null;
  }
}
