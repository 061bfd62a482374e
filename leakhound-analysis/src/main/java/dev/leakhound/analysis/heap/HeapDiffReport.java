package dev.leakhound.analysis.heap;

import java.util.List;

/**
 * What grew between two heap dumps of one process: by class (instances and shallow bytes) and by
 * dominator path (the retained size of what hangs below the same path from a GC root), with the
 * later dump's leak suspects. The record is the JSON shape documented in README.
 *
 * <p>Immutable and thread-safe.
 *
 * @param base the earlier dump
 * @param current the later dump
 * @param partial true when either dump was cut short
 * @param objectsDelta change in object count
 * @param reachableBytesDelta change in the reachable heap
 * @param classes classes whose shallow bytes grew, most growth first
 * @param dominators dominator paths whose retained size grew, most growth first
 * @param suspects the later dump's leak suspects
 */
public record HeapDiffReport(
    String base,
    String current,
    boolean partial,
    long objectsDelta,
    long reachableBytesDelta,
    List<ClassGrowth> classes,
    List<PathGrowth> dominators,
    List<HeapReport.Suspect> suspects) {
  public HeapDiffReport {
    classes = List.copyOf(classes);
    dominators = List.copyOf(dominators);
    suspects = List.copyOf(suspects);
  }

  /** One class's growth. */
  public record ClassGrowth(
      String className,
      long instancesBase,
      long instancesCurrent,
      long instancesDelta,
      long bytesBase,
      long bytesCurrent,
      long bytesDelta) {}

  /** The growth of what one path from a GC root retains. */
  public record PathGrowth(
      List<String> pathToRoot,
      String className,
      long retainedBase,
      long retainedCurrent,
      long retainedDelta) {
    public PathGrowth {
      pathToRoot = List.copyOf(pathToRoot);
    }
  }
}
