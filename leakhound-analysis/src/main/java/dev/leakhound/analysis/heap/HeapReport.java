package dev.leakhound.analysis.heap;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leakhound.analysis.pattern.LeakPattern;
import java.util.List;

/**
 * What a heap dump holds and what leaks in it: counts, the class histogram, GC roots by kind, the
 * biggest dominators and the leak suspects with their paths to a GC root. The record is the JSON
 * shape documented in README (component order is key order).
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the dump analysed
 * @param version the HPROF version, e.g. {@code 1.0.2}
 * @param identifierSize 4 or 8
 * @param partial true when the dump was cut short and only what preceded the cut was analysed
 * @param partialReason where and how the dump ended early, or null
 * @param objects instances and arrays in the dump
 * @param classes classes in the dump
 * @param references references between objects (weak, soft, phantom and finalizer referents left
 *     out)
 * @param shallowBytes the shallow size of everything in the dump
 * @param reachableObjects objects (and classes) a GC root reaches through strong references
 * @param reachableBytes their total size: what a full GC would keep
 * @param gcRoots GC roots by kind
 * @param histogram the classes with the most shallow bytes
 * @param dominators the top-level dominators retaining the most
 * @param suspects leak suspects, biggest first
 */
public record HeapReport(
    String file,
    String version,
    int identifierSize,
    boolean partial,
    @JsonInclude(JsonInclude.Include.NON_NULL) String partialReason,
    long objects,
    long classes,
    long references,
    long shallowBytes,
    long reachableObjects,
    long reachableBytes,
    List<GcRootCount> gcRoots,
    List<HistogramEntry> histogram,
    List<Dominator> dominators,
    List<Suspect> suspects) {
  public HeapReport {
    gcRoots = List.copyOf(gcRoots);
    histogram = List.copyOf(histogram);
    dominators = List.copyOf(dominators);
    suspects = List.copyOf(suspects);
  }

  /** How many GC roots of one kind ({@code thread}, {@code system class}, ...). */
  public record GcRootCount(String kind, long count) {}

  /** One class in the histogram. */
  public record HistogramEntry(String className, long instances, long shallowBytes) {}

  /**
   * A top-level dominator: an object only the virtual root dominates, with what it keeps alive.
   *
   * @param className its class ({@code class X} for the class object holding X's statics)
   * @param objectId its identifier in the dump, in hex
   * @param pathToRoot the shortest strong path from a GC root, as a developer reads it
   */
  public record Dominator(
      String className,
      String objectId,
      long shallowBytes,
      long retainedBytes,
      double retainedPercent,
      List<String> pathToRoot) {
    public Dominator {
      pathToRoot = List.copyOf(pathToRoot);
    }
  }

  /**
   * A leak suspect in the manner of Eclipse MAT's report.
   *
   * @param kind {@code dominator} (one object retains a large share) or {@code instances} (many
   *     instances of one class, each held from a GC root, together do)
   * @param className the suspect object's class, or the class whose instances accumulate
   * @param objectId the suspect object (for {@code instances}, the biggest one), in hex
   * @param retainedBytes what the suspect keeps alive
   * @param retainedPercent that as a share of the reachable heap
   * @param instances 1 for a dominator; the instance count for {@code instances}
   * @param accumulationPoint where the retained memory piles up below the suspect (below the
   *     biggest instance, for {@code instances})
   * @param accumulatedClass the class of the objects that pile up there
   * @param accumulatedCount how many of them
   * @param pathToRoot root first: the shortest strong path from a GC root to one accumulated object
   * @param rootKind the kind of GC root the path starts at
   * @param pattern the recognised leak pattern
   * @param remedy what to change, for that pattern
   * @param description one sentence, MAT style
   */
  public record Suspect(
      String kind,
      String className,
      String objectId,
      long retainedBytes,
      double retainedPercent,
      long instances,
      AccumulationPoint accumulationPoint,
      String accumulatedClass,
      long accumulatedCount,
      List<String> pathToRoot,
      String rootKind,
      LeakPattern pattern,
      String remedy,
      String description) {
    public Suspect {
      pathToRoot = List.copyOf(pathToRoot);
    }
  }

  /** An object below a suspect where the retained memory accumulates. */
  public record AccumulationPoint(String className, String objectId, long retainedBytes) {}
}
