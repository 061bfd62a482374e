package dev.leakhound.analysis.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import dev.leakhound.testkit.HprofBuilder;
import dev.leakhound.testkit.HprofBuilder.Field;
import dev.leakhound.testkit.HprofBuilder.Root;
import dev.leakhound.testkit.HprofBuilder.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #8's memory target, at most 16 bytes of analyser heap per object, checked on the books of
 * {@link ArrayLedger}: the peak of the Java-heap arrays the analysis holds at once, accounted
 * exactly, over a whole analysis of a seeded random dump. The whole process's heap is measured by
 * {@code bench/hprof.sh}, which runs the analysis in {@code -Xmx} of 16 bytes per object + 64 MB.
 */
class HeapDumpAnalyzerMemoryTest {
  private static final int OBJECTS = 100_000;

  @TempDir Path dir;

  @ParameterizedTest(name = "identifiers {0}, {1} bytes")
  @CsvSource({"ascending,8", "shuffled,4", "spread,8"})
  void theAnalysisHoldsAtMost16BytesOfHeapArraysPerObject(String order, int idSize)
      throws IOException {
    Path file = Files.write(dir.resolve(order + ".hprof"), randomDump(order, idSize, 42));
    ScratchSpace scratch = ScratchSpace.inTempDir();

    HeapReport report =
        HeapDumpAnalyzer.run(
            file,
            "random",
            HeapDumpAnalyzer.Options.defaults(),
            ProgressListener.NONE,
            CancelSignal.NEVER,
            scratch);

    ArrayLedger books = scratch.ledger();
    double perObject = (double) books.peakBytes() / report.objects();
    assertThat(report.objects()).isGreaterThanOrEqualTo(OBJECTS);
    assertThat(report.reachableObjects()).isGreaterThan(OBJECTS / 2);
    // The retained sizes (8 bytes per reachable node) and the immediate dominators (4) are live
    // together at some point: below that, the books miss an array.
    assertThat(perObject)
        .as("peak heap arrays per object, live at the peak: %s", books.peakArrays())
        .isGreaterThan(12.0)
        .isLessThanOrEqualTo(16.0);
  }

  /**
   * {@code OBJECTS} nodes with three reference fields each pointing at random (or null), one big
   * array referencing a tenth of them, a long chain, and a few dozen roots. Identifiers in file
   * order: ascending; shuffled (the index needs its permutation); or spread over 2^60 (the index
   * cannot compress them to 4 bytes).
   */
  static byte[] randomDump(String order, int idSize, long seed) {
    Random random = new Random(seed);
    HprofBuilder b = HprofBuilder.create(idSize);
    long object = b.defineClass("java.lang.Object", 0);
    long node =
        b.defineClass(
            "Node",
            object,
            new Field("a", Type.OBJECT),
            new Field("b", Type.OBJECT),
            new Field("c", Type.OBJECT));
    long arrayClass = b.defineClass("[Ljava.lang.Object;", object);
    long[] ids = new long[OBJECTS];
    Set<Long> used = new HashSet<>();
    for (int i = 0; i < OBJECTS; i++) {
      ids[i] = order.equals("spread") ? spreadId(random, used) : b.newId();
    }
    int[] fileOrder = new int[OBJECTS];
    for (int i = 0; i < OBJECTS; i++) {
      fileOrder[i] = i;
    }
    if (!order.equals("ascending")) {
      for (int i = OBJECTS - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = fileOrder[i];
        fileOrder[i] = fileOrder[j];
        fileOrder[j] = t;
      }
    }
    for (int i : fileOrder) {
      // Node i's first field continues a chain through every node: a search as deep as the heap.
      long next = i + 1 < OBJECTS ? ids[i + 1] : 0;
      b.instanceWithId(ids[i], node, next, pick(random, ids), pick(random, ids));
    }
    long[] elements = new long[OBJECTS / 10];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = ids[random.nextInt(OBJECTS)];
    }
    b.root(Root.JNI_GLOBAL, b.objectArray(arrayClass, elements));
    for (int i = 0; i < 40; i++) {
      b.root(i % 2 == 0 ? Root.JNI_GLOBAL : Root.STICKY_CLASS, ids[random.nextInt(OBJECTS)]);
    }
    b.root(Root.JNI_GLOBAL, ids[0]);
    return b.build();
  }

  private static long pick(Random random, long[] ids) {
    return random.nextInt(4) == 0 ? 0 : ids[random.nextInt(ids.length)];
  }

  private static long spreadId(Random random, Set<Long> used) {
    while (true) {
      long id = (random.nextLong() >>> 4) << 3;
      if (id != 0 && used.add(id)) {
        return id;
      }
    }
  }
}
