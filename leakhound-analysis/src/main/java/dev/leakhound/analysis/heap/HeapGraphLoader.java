package dev.leakhound.analysis.heap;

import dev.leakhound.formats.hprof.HprofClassDump;
import dev.leakhound.formats.hprof.HprofHeader;
import dev.leakhound.formats.hprof.HprofReadResult;
import dev.leakhound.formats.hprof.HprofReader;
import dev.leakhound.formats.hprof.HprofRootKind;
import dev.leakhound.formats.hprof.HprofType;
import dev.leakhound.formats.hprof.HprofVisitor;
import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Builds a {@link HeapGraph} from a dump in two streaming passes: the first numbers the objects,
 * records their shallow sizes and classes, the classes' layouts, the strings and the GC roots; the
 * second reads every reference and stores it as a dense node number (the identifiers are known by
 * then, so no reference is ever held as an 8-byte identifier).
 *
 * <p>Not thread-safe; one loader per dump. Memory: see {@link HeapGraph}; the identifier index (4-8
 * bytes per object) lives only between the passes.
 */
final class HeapGraphLoader {
  private final Path file;
  private final ProgressListener progress;
  private final CancelSignal cancel;

  HeapGraphLoader(Path file, ProgressListener progress, CancelSignal cancel) {
    this.file = file;
    this.progress = progress;
    this.cancel = cancel;
  }

  HeapGraph load() throws IOException {
    HeapGraph g = new HeapGraph();
    g.classes = new HeapClasses();
    g.strings = new StringPool();
    IndexingPass first = new IndexingPass(g);
    g.read = pass(first, "reading heap dump (1/2: objects)");
    g.objectCount = first.ids.size();
    int classNodes = first.classNodes;
    if ((long) g.objectCount + classNodes + 1 >= Integer.MAX_VALUE) {
      throw InputFormatException.atByte(file.toString(), 0, "fewer than 2^31 objects");
    }
    g.nodeCount = g.objectCount + classNodes;
    g.classes.resolve(g.strings, g.idSize);
    int classSlot = classSlot(g.classes);
    progress.onProgress("indexing object identifiers", 0, 1);
    IdIndex index = IdIndex.build(first.ids, first.ascending);
    first.ids.clear();
    resolveRoots(g, first, index);
    g.shallowUnits = new int[g.nodeCount];
    g.classOf = new int[g.nodeCount];
    ReferencePass second = new ReferencePass(g, index);
    pass(second, "reading heap dump (2/2: references)");
    second.finish();
    classNodes(g, classSlot);
    return g;
  }

  private HprofReadResult pass(HprofVisitor visitor, String step) throws IOException {
    try (HprofReader reader = HprofReader.open(file)) {
      return reader.read(
          visitor, (s, done, total) -> progress.onProgress(step, done, total), cancel);
    }
  }

  private static int classSlot(HeapClasses classes) {
    for (int i = 0; i < classes.size(); i++) {
      if ("java.lang.Class".equals(classes.get(i).name)) {
        return i;
      }
    }
    int s = classes.slot(Long.MIN_VALUE + 100);
    classes.get(s).name = "java.lang.Class";
    return s;
  }

  /** Sizes and classes of the class nodes: a header plus the static fields, class Class. */
  private static void classNodes(HeapGraph g, int classSlot) {
    for (int s = 0; s < g.classes.size(); s++) {
      HeapClasses.Slot slot = g.classes.get(s);
      if (slot.classNode < 0) {
        continue;
      }
      int node = g.objectCount + slot.classNode;
      long bytes = g.idSize == 8 ? 16 : 8;
      for (HprofClassDump.StaticField f : slot.dump.staticFields()) {
        bytes += f.type().size(g.idSize);
      }
      g.shallowUnits[node] = units(bytes);
      g.classOf[node] = classSlot;
    }
  }

  private static void resolveRoots(HeapGraph g, IndexingPass first, IdIndex index) {
    BitSet seen = new BitSet(g.nodeCount);
    IntChunks nodes = new IntChunks();
    IntChunks kinds = new IntChunks();
    for (int i = 0; i < first.rootIds.size(); i++) {
      int node = resolve(g, index, first.rootIds.get(i));
      if (node >= 0 && !seen.get(node)) {
        seen.set(node);
        nodes.add(node);
        kinds.add(first.rootKinds.get(i));
      }
    }
    for (int node = g.objectCount; node < g.nodeCount; node++) {
      if (!seen.get(node)) {
        nodes.add(node);
        kinds.add(HeapGraph.CLASS_ROOT);
      }
    }
    g.rootNodes = nodes.toArrayAndClear();
    int[] k = kinds.toArrayAndClear();
    g.rootKinds = new byte[k.length];
    for (int i = 0; i < k.length; i++) {
      g.rootKinds[i] = (byte) k[i];
    }
  }

  static int resolve(HeapGraph g, IdIndex index, long id) {
    int node = index.indexOf(id);
    if (node >= 0) {
      return node;
    }
    int slot = g.classes.find(id);
    if (slot >= 0) {
      int classNode = g.classes.get(slot).classNode;
      return classNode < 0 ? -1 : g.objectCount + classNode;
    }
    return -1;
  }

  private static int units(long bytes) {
    long u = (bytes + 7) >>> 3;
    return u >= (1L << 32) ? -1 : (int) u;
  }

  /** Pass 1: numbers objects, keeps sizes, classes, strings and roots. */
  private static final class IndexingPass implements HprofVisitor {
    final HeapGraph g;
    final LongChunks ids = new LongChunks();
    final LongChunks rootIds = new LongChunks();
    final IntChunks rootKinds = new IntChunks();
    int classNodes;
    boolean ascending = true;
    long last = Long.MIN_VALUE;
    long lastClassId = Long.MIN_VALUE;
    int lastSlot;

    IndexingPass(HeapGraph g) {
      this.g = g;
    }

    @Override
    public boolean wantsContents() {
      return false;
    }

    @Override
    public void header(HprofHeader header) {
      g.idSize = header.identifierSize();
      g.version = header.version();
    }

    @Override
    public void string(long id, ByteBuffer buffer, int position, int length) {
      g.strings.add(id, buffer, position, length);
    }

    @Override
    public void loadClass(int serial, long classId, int stackTraceSerial, long nameId) {
      g.classes.get(g.classes.slot(classId)).nameId = nameId;
    }

    @Override
    public void classDump(HprofClassDump dump) {
      HeapClasses.Slot slot = g.classes.get(g.classes.slot(dump.classId()));
      if (slot.dump == null) {
        slot.dump = dump;
        slot.classNode = classNodes++;
      }
    }

    @Override
    public void gcRoot(HprofRootKind kind, long objectId, int threadSerial) {
      rootIds.add(objectId);
      rootKinds.add(kind.ordinal());
    }

    private void object(long id) {
      if (ids.size() == Integer.MAX_VALUE - 16) {
        return;
      }
      ascending &= id > last;
      last = id;
      ids.add(id);
    }

    private int slot(long classId) {
      if (classId != lastClassId) {
        lastClassId = classId;
        lastSlot = g.classes.slot(classId);
      }
      return lastSlot;
    }

    @Override
    public void instance(long id, long classId, ByteBuffer buffer, int position, int length) {
      slot(classId);
      object(id);
    }

    @Override
    public void objectArray(
        long id, long classId, int length, ByteBuffer buffer, int position, int first, int count) {
      slot(classId);
      object(id);
    }

    @Override
    public void primitiveArray(
        long id, HprofType type, int length, ByteBuffer buffer, int position, int available) {
      g.classes.primitiveArraySlot(type);
      object(id);
    }
  }

  /** Pass 2: every reference as a node number, in CSR form. */
  private static final class ReferencePass implements HprofVisitor {
    final HeapGraph g;
    final IdIndex index;
    final IntChunks targets = new IntChunks();
    final int[] offsets;
    int next;
    long lastClassId = Long.MIN_VALUE;
    int[] lastOffsets = new int[0];
    int lastSlot;
    boolean inArray;
    final int instanceHeader;
    final int arrayHeader;

    ReferencePass(HeapGraph g, IdIndex index) {
      this.g = g;
      this.index = index;
      this.instanceHeader = g.idSize == 8 ? 16 : 8;
      this.arrayHeader = g.idSize == 8 ? 16 : 12;
      this.offsets = new int[g.nodeCount + 1];
    }

    /** Starts the next object: its size, class and first edge. False past the known objects. */
    private boolean start(int slot, long bytes) {
      if (next >= g.objectCount) {
        return false;
      }
      if (targets.size() >= Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("more than 2^31 references are not supported");
      }
      g.shallowUnits[next] = units(bytes);
      g.classOf[next] = slot;
      offsets[next++] = (int) targets.size();
      return true;
    }

    private int slot(long classId) {
      if (classId != lastClassId) {
        lastClassId = classId;
        lastSlot = g.classes.find(classId);
        HeapClasses.Slot slot = lastSlot < 0 ? null : g.classes.get(lastSlot);
        lastOffsets = slot == null ? new int[0] : slot.refOffsets;
      }
      return lastSlot;
    }

    private void edge(long id) {
      if (id == 0) {
        return;
      }
      int node = resolve(g, index, id);
      if (node >= 0) {
        targets.add(node);
      } else {
        g.danglingReferences++;
      }
    }

    @Override
    public void instance(long id, long classId, ByteBuffer buffer, int position, int length) {
      if (!start(slot(classId), instanceHeader + (long) length)) {
        return;
      }
      int idSize = g.idSize;
      for (int offset : lastOffsets) {
        if (offset + idSize > length) {
          break;
        }
        int at = position + offset;
        edge(idSize == 8 ? buffer.getLong(at) : buffer.getInt(at) & 0xffffffffL);
      }
    }

    @Override
    public void objectArray(
        long id, long classId, int length, ByteBuffer buffer, int position, int first, int count) {
      if (first == 0) {
        inArray = start(slot(classId), arrayHeader + (long) length * g.idSize);
      }
      if (!inArray) {
        return;
      }
      int idSize = g.idSize;
      for (int i = 0; i < count; i++) {
        int at = position + i * idSize;
        edge(idSize == 8 ? buffer.getLong(at) : buffer.getInt(at) & 0xffffffffL);
      }
    }

    @Override
    public void primitiveArray(
        long id, HprofType type, int length, ByteBuffer buffer, int position, int available) {
      start(g.classes.primitiveArraySlot(type), arrayHeader + (long) length * type.size(g.idSize));
    }

    void finish() {
      while (next < g.objectCount) {
        // Fewer objects than the first pass saw (the file changed?): they keep no edges.
        offsets[next++] = (int) targets.size();
      }
      HeapClasses.Slot[] byNode = new HeapClasses.Slot[g.nodeCount - g.objectCount];
      for (int s = 0; s < g.classes.size(); s++) {
        HeapClasses.Slot slot = g.classes.get(s);
        if (slot.classNode >= 0) {
          byNode[slot.classNode] = slot;
        }
      }
      for (int c = 0; c < byNode.length; c++) {
        HeapClasses.Slot slot = byNode[c];
        offsets[g.objectCount + c] = (int) targets.size();
        for (HprofClassDump.StaticField f : slot.dump.staticFields()) {
          if (f.type() == HprofType.OBJECT) {
            edge(f.value());
          }
        }
        edge(slot.dump.classLoaderId());
      }
      offsets[g.nodeCount] = (int) targets.size();
      g.outOffsets = offsets;
      g.outTargets = targets;
    }
  }
}
