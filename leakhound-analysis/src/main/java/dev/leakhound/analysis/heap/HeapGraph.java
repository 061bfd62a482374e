package dev.leakhound.analysis.heap;

import dev.leakhound.formats.hprof.HprofReadResult;

/**
 * The object graph of one heap dump. Nodes are numbered densely: the dump's objects (instances and
 * arrays) in file order as {@code 0..objectCount-1}, then the classes as {@code
 * objectCount..nodeCount-1}. Outgoing references are a CSR ({@link #outOffsets} into {@link
 * #outTargets}); references from {@code java.lang.ref.Reference.referent} are left out, so weak,
 * soft, phantom and finalizer references keep nothing alive. Every class is a GC root (its static
 * fields hold what they hold as long as its loader lives) besides the dump's own roots.
 *
 * <p>The per-node and per-reference arrays live off the Java heap in memory-mapped temporary files
 * ({@link MappedInts}): 4 bytes per node each for shallow size, class and CSR offset, 4 per
 * reference; the heap holds the classes, strings, roots and the class histogram. Mutable while the
 * analysis runs (the dominator computation takes over the edges and frees them); confined to the
 * analysing thread; {@link #close()} frees the files.
 */
final class HeapGraph {
  /** The root kind given to classes that the dump does not itself list as roots. */
  static final byte CLASS_ROOT = 126;

  String version = "";
  int idSize;
  int objectCount;
  int nodeCount;

  /** Shallow size per node in units of 8 bytes (unsigned). */
  MappedInts shallowUnits;

  /** Class slot per node. */
  MappedInts classOf;

  EdgeOffsets outOffsets;
  MappedInts outTargets;
  long references;
  int[] rootNodes;

  /** Per entry of {@link #rootNodes}: an {@code HprofRootKind} ordinal or {@link #CLASS_ROOT}. */
  byte[] rootKinds;

  /** Instances per class slot (class objects count as {@code java.lang.Class}). */
  long[] countBySlot = new long[0];

  /** Shallow bytes per class slot. */
  long[] bytesBySlot = new long[0];

  HeapClasses classes;
  StringPool strings;
  long danglingReferences;
  HprofReadResult read;

  long shallowBytes(int node) {
    return (shallowUnits.get(node) & 0xffffffffL) << 3;
  }

  int classOf(int node) {
    return classOf.get(node);
  }

  boolean isClassNode(int node) {
    return node >= objectCount;
  }

  /** Frees the temporary files of whatever arrays are still held. */
  void close() {
    for (MappedInts ints : new MappedInts[] {shallowUnits, classOf, outTargets}) {
      if (ints != null) {
        ints.close();
      }
    }
    if (outOffsets != null) {
      outOffsets.close();
    }
  }
}
