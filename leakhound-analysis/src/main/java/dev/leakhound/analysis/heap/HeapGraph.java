package dev.leakhound.analysis.heap;

import dev.leakhound.formats.hprof.HprofReadResult;

/**
 * The object graph of one heap dump in flat primitive arrays. Nodes are numbered densely: the
 * dump's objects (instances and arrays) in file order as {@code 0..objectCount-1}, then the classes
 * as {@code objectCount..nodeCount-1}. Outgoing references are a CSR ({@link #outOffsets} into
 * {@link #outTargets}); references from {@code java.lang.ref.Reference.referent} are left out, so
 * weak, soft, phantom and finalizer references keep nothing alive. Every class is a GC root (its
 * static fields hold what they hold as long as its loader lives) besides the dump's own roots.
 *
 * <p>Mutable while the analysis runs (it frees the edges once the dominators no longer need them);
 * confined to the analysing thread. Per object: 4 bytes of shallow size, 4 of class, 4 of CSR
 * offset and 4 per reference.
 */
final class HeapGraph {
  /** The root kind given to classes that the dump does not itself list as roots. */
  static final byte CLASS_ROOT = 126;

  String version = "";
  int idSize;
  int objectCount;
  int nodeCount;

  /** Shallow size per node in units of 8 bytes. */
  int[] shallowUnits;

  /** Class slot per node. */
  int[] classOf;

  int[] outOffsets;
  IntChunks outTargets;
  int[] rootNodes;

  /** Per entry of {@link #rootNodes}: an {@code HprofRootKind} ordinal or {@link #CLASS_ROOT}. */
  byte[] rootKinds;

  HeapClasses classes;
  StringPool strings;
  long danglingReferences;
  HprofReadResult read;

  long shallowBytes(int node) {
    return (shallowUnits[node] & 0xffffffffL) << 3;
  }

  boolean isClassNode(int node) {
    return node >= objectCount;
  }
}
