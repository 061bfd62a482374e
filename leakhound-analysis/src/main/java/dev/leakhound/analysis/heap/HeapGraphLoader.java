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
 * Builds a {@link HeapGraph} from a dump in two streaming passes: the first numbers the objects and
 * records the classes' layouts, the strings and the GC roots; the second records each object's
 * shallow size and class, counts the class histogram, and reads every reference as a dense node
 * number (the identifiers are known by then, so no reference is ever held as an 8-byte identifier).
 *
 * <p>Not thread-safe; one loader per dump. Memory: the identifiers and the GC root records go to
 * temporary files in the first pass; the only per-object array on the heap is the identifier index
 * the second pass searches (4 bytes per object; 8 when the dump does not list objects in address
 * order, 12 when besides its identifiers do not compress: see {@link IdIndex}); the second pass
 * appends everything it finds to memory-mapped files (see {@link HeapGraph}).
 */
final class HeapGraphLoader {
  private final Path file;
  private final ScratchSpace scratch;
  private final ProgressListener progress;
  private final CancelSignal cancel;

  HeapGraphLoader(Path file, ScratchSpace scratch, ProgressListener progress, CancelSignal cancel) {
    this.file = file;
    this.scratch = scratch;
    this.progress = progress;
    this.cancel = cancel;
  }

  /** Loads the graph; on failure its temporary files are already freed. */
  HeapGraph load() throws IOException {
    HeapGraph g = new HeapGraph();
    g.classes = new HeapClasses();
    g.strings = new StringPool();
    IndexingPass first =
        new IndexingPass(g, scratch.ints(1 << 20), scratch.ints(1 << 12), scratch.ints(1 << 11));
    ArrayLedger ledger = scratch.ledger();
    IdIndex index;
    try {
      g.read = pass(first, "reading heap dump (1/2: objects)");
      g.objectCount = first.objects;
      int classNodes = first.classNodes;
      if ((long) g.objectCount + classNodes + 1 >= Integer.MAX_VALUE) {
        throw InputFormatException.atByte(file.toString(), 0, "fewer than 2^31 objects");
      }
      g.nodeCount = g.objectCount + classNodes;
      g.classes.resolve(g.strings, g.idSize);
      progress.onProgress("indexing object identifiers", 0, 1);
      MappedInts.Scan ids = first.ids.scan();
      index = IdIndex.build(g.objectCount, i -> ids.getLong(2L * i), first.ascending, ledger);
      first.ids.close();
      resolveRoots(g, first, index, ledger);
    } finally {
      first.ids.close();
      first.rootIds.close();
      first.rootKinds.close();
    }
    try {
      g.shallowUnits = scratch.ints(g.nodeCount);
      g.classOf = scratch.ints(g.nodeCount);
      g.outOffsets = scratch.offsets(g.nodeCount + 1L);
      g.outTargets = scratch.ints(g.nodeCount);
      int classSlot = classSlot(g.classes);
      g.countBySlot = new long[g.classes.size()];
      g.bytesBySlot = new long[g.classes.size()];
      ReferencePass second = new ReferencePass(g, index, classSlot);
      pass(second, "reading heap dump (2/2: references)");
      second.finish();
      return g;
    } catch (IOException | RuntimeException e) {
      g.close();
      throw e;
    } finally {
      index.release(ledger);
    }
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

  /**
   * The GC roots as nodes, each once, then every class not already one. Two scans of the root
   * records (off the heap): the first counts, so the two arrays kept are made at their size.
   */
  private static void resolveRoots(
      HeapGraph g, IndexingPass first, IdIndex index, ArrayLedger ledger) {
    BitSet seen = ledger.bits("roots seen", g.nodeCount);
    long records = first.rootKinds.size();
    int count = 0;
    MappedInts.Scan ids = first.rootIds.scan();
    for (long i = 0; i < records; i++) {
      int node = resolve(g, index, ids.getLong(2 * i));
      if (node >= 0 && !seen.get(node)) {
        seen.set(node);
        count++;
      }
    }
    count += g.nodeCount - g.objectCount - seen.get(g.objectCount, g.nodeCount).cardinality();
    int[] nodes = ledger.ints("roots", count);
    byte[] kinds = ledger.bytes("root kinds", count);
    seen.clear();
    int n = 0;
    ids = first.rootIds.scan();
    MappedInts.Scan kindOf = first.rootKinds.scan();
    for (long i = 0; i < records; i++) {
      int node = resolve(g, index, ids.getLong(2 * i));
      if (node >= 0 && !seen.get(node)) {
        seen.set(node);
        nodes[n] = node;
        kinds[n++] = (byte) kindOf.get(i);
      }
    }
    for (int node = g.objectCount; node < g.nodeCount; node++) {
      if (!seen.get(node)) {
        nodes[n] = node;
        kinds[n++] = HeapGraph.CLASS_ROOT;
      }
    }
    g.rootNodes = nodes;
    g.rootKinds = kinds;
    ledger.release(seen);
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

    /** Each identifier as two ints, high then low, in file order. */
    final MappedInts ids;

    int objects;

    /** Each root record's object identifier as two ints, high then low. */
    final MappedInts rootIds;

    final MappedInts rootKinds;

    int classNodes;
    boolean ascending = true;
    long last = Long.MIN_VALUE;
    long lastClassId = Long.MIN_VALUE;
    int lastSlot;

    IndexingPass(HeapGraph g, MappedInts ids, MappedInts rootIds, MappedInts rootKinds) {
      this.g = g;
      this.ids = ids;
      this.rootIds = rootIds;
      this.rootKinds = rootKinds;
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
      rootIds.add((int) (objectId >>> 32));
      rootIds.add((int) objectId);
      rootKinds.add(kind.ordinal());
    }

    private void object(long id) {
      if (objects == Integer.MAX_VALUE - 16) {
        return;
      }
      ascending &= id > last;
      last = id;
      ids.add((int) (id >>> 32));
      ids.add((int) id);
      objects++;
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

  /**
   * Pass 2: each object's shallow size and class, the class histogram, and every reference as a
   * node number in CSR form, all appended in node order.
   */
  private static final class ReferencePass implements HprofVisitor {
    final HeapGraph g;
    final IdIndex index;
    final int classSlot;
    final MappedInts targets;
    final EdgeOffsets offsets;
    int next;
    long lastClassId = Long.MIN_VALUE;
    int[] lastOffsets = new int[0];
    int lastSlot;
    boolean inArray;
    final int instanceHeader;
    final int arrayHeader;

    ReferencePass(HeapGraph g, IdIndex index, int classSlot) {
      this.g = g;
      this.index = index;
      this.classSlot = classSlot;
      this.targets = g.outTargets;
      this.offsets = g.outOffsets;
      this.instanceHeader = g.idSize == 8 ? 16 : 8;
      this.arrayHeader = g.idSize == 8 ? 16 : 12;
    }

    /** Starts the next object: its size, class and first edge. False past the known objects. */
    private boolean start(int slot, long bytes) {
      if (next >= g.objectCount) {
        return false;
      }
      node(slot, bytes);
      return true;
    }

    private void node(int slot, long bytes) {
      int units = units(bytes);
      g.shallowUnits.add(units);
      g.classOf.add(slot);
      g.countBySlot[slot]++;
      g.bytesBySlot[slot] += (units & 0xffffffffL) << 3;
      offsets.add(targets.size());
      next++;
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

    /** Pads objects the file no longer has, then appends the class nodes: statics, loader. */
    void finish() {
      while (next < g.objectCount) {
        // Fewer objects than the first pass saw (the file changed?): they keep no edges.
        g.shallowUnits.add(0);
        g.classOf.add(0);
        offsets.add(targets.size());
        next++;
      }
      HeapClasses.Slot[] byNode = new HeapClasses.Slot[g.nodeCount - g.objectCount];
      for (int s = 0; s < g.classes.size(); s++) {
        HeapClasses.Slot slot = g.classes.get(s);
        if (slot.classNode >= 0) {
          byNode[slot.classNode] = slot;
        }
      }
      for (HeapClasses.Slot slot : byNode) {
        long bytes = g.idSize == 8 ? 16 : 8;
        for (HprofClassDump.StaticField f : slot.dump.staticFields()) {
          bytes += f.type().size(g.idSize);
        }
        node(classSlot, bytes);
        for (HprofClassDump.StaticField f : slot.dump.staticFields()) {
          if (f.type() == HprofType.OBJECT) {
            edge(f.value());
          }
        }
        edge(slot.dump.classLoaderId());
      }
      offsets.add(targets.size());
      g.references = targets.size();
    }
  }
}
