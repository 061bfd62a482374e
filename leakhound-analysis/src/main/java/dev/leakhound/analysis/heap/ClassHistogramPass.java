package dev.leakhound.analysis.heap;

import dev.leakhound.formats.hprof.HprofClassDump;
import dev.leakhound.formats.hprof.HprofHeader;
import dev.leakhound.formats.hprof.HprofReadResult;
import dev.leakhound.formats.hprof.HprofReader;
import dev.leakhound.formats.hprof.HprofRootKind;
import dev.leakhound.formats.hprof.HprofType;
import dev.leakhound.formats.hprof.HprofVisitor;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One streaming pass that counts instances and shallow bytes per class and GC roots per kind,
 * keeping nothing per object: the quick look (what hprof-slurp computes) at disk speed and in a few
 * megabytes, whatever the dump's size.
 *
 * <p>Not thread-safe; one pass per instance.
 */
final class ClassHistogramPass implements HprofVisitor {
  final HeapClasses classes = new HeapClasses();
  final StringPool strings = new StringPool();
  final long[] rootsByKind = new long[HprofRootKind.values().length];
  long[] count = new long[1024];
  long[] bytes = new long[1024];
  long objects;
  int classDumps;
  int idSize;
  String version = "";
  int instanceHeader;
  int arrayHeader;
  HprofReadResult read;
  private long lastClassId = Long.MIN_VALUE;
  private int lastSlot;

  void run(Path file, ProgressListener progress, CancelSignal cancel) throws IOException {
    try (HprofReader reader = HprofReader.open(file)) {
      read = reader.read(this, (s, d, t) -> progress.onProgress("reading heap dump", d, t), cancel);
    }
    classes.resolve(strings, idSize);
  }

  @Override
  public boolean wantsContents() {
    return false;
  }

  @Override
  public void header(HprofHeader header) {
    idSize = header.identifierSize();
    version = header.version();
    instanceHeader = idSize == 8 ? 16 : 8;
    arrayHeader = idSize == 8 ? 16 : 12;
  }

  @Override
  public void string(long id, ByteBuffer buffer, int position, int length) {
    strings.add(id, buffer, position, length);
  }

  @Override
  public void loadClass(int serial, long classId, int stackTraceSerial, long nameId) {
    classes.get(classes.slot(classId)).nameId = nameId;
  }

  @Override
  public void classDump(HprofClassDump dump) {
    HeapClasses.Slot slot = classes.get(classes.slot(dump.classId()));
    if (slot.dump == null) {
      slot.dump = dump;
      slot.classNode = classDumps++;
    }
  }

  @Override
  public void gcRoot(HprofRootKind kind, long objectId, int threadSerial) {
    rootsByKind[kind.ordinal()]++;
  }

  private void add(int slot, long size) {
    if (slot >= count.length) {
      count = java.util.Arrays.copyOf(count, slot * 2);
      bytes = java.util.Arrays.copyOf(bytes, slot * 2);
    }
    count[slot]++;
    bytes[slot] += (size + 7) & ~7L;
    objects++;
  }

  private int slot(long classId) {
    if (classId != lastClassId) {
      lastClassId = classId;
      lastSlot = classes.slot(classId);
    }
    return lastSlot;
  }

  @Override
  public void instance(long id, long classId, ByteBuffer buffer, int position, int length) {
    add(slot(classId), instanceHeader + (long) length);
  }

  @Override
  public void objectArray(
      long id, long classId, int length, ByteBuffer buffer, int position, int first, int n) {
    add(slot(classId), arrayHeader + (long) length * idSize);
  }

  @Override
  public void primitiveArray(
      long id, HprofType type, int length, ByteBuffer buffer, int position, int available) {
    add(classes.primitiveArraySlot(type), arrayHeader + (long) length * type.size(idSize));
  }
}
