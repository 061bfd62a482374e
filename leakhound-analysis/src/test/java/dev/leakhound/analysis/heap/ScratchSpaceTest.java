package dev.leakhound.analysis.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchSpaceTest {
  @TempDir Path dir;

  @Test
  void intsAppendedReadBackAcrossChunksAndStayUpdatable() {
    MappedInts ints = new ScratchSpace(dir, 3, 3, 32).ints(0);
    for (int i = 0; i < 1000; i++) {
      ints.add(i * 7);
    }
    assertThat(ints.size()).isEqualTo(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(ints.get(i)).isEqualTo(i * 7);
    }
    ints.set(999, -1);
    ints.add(5);
    ints.grow(1100);
    assertThat(ints.get(999)).isEqualTo(-1);
    assertThat(ints.get(1000)).isEqualTo(5);
    assertThat(ints.get(1099)).isZero();
    ints.close();
  }

  @Test
  void scansReadForwardsAndBackwardsAcrossManyWindows() {
    MappedInts ints = ScratchSpace.inTempDir().ints(0);
    int n = 300_000;
    for (int i = 0; i < n; i++) {
      ints.add(i ^ 0x5555);
    }
    MappedInts.Scan scan = ints.scan();
    for (int i = n - 1; i >= 0; i--) {
      assertThat(scan.get(i)).isEqualTo(i ^ 0x5555);
    }
    for (int i = 0; i < n; i += 7) {
      assertThat(scan.get(i)).isEqualTo(i ^ 0x5555);
    }
    assertThatThrownBy(() -> scan.get(n)).isInstanceOf(IndexOutOfBoundsException.class);
    ints.close();
  }

  @Test
  void zerosAreZeroAndRandomWritesStick() {
    MappedInts ints = ScratchSpace.inTempDir().zeros(100_000);
    SplittableRandom random = new SplittableRandom(7);
    int[] expected = new int[100_000];
    for (int k = 0; k < 10_000; k++) {
      int i = random.nextInt(expected.length);
      expected[i] = random.nextInt();
      ints.set(i, expected[i]);
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat(ints.get(i)).isEqualTo(expected[i]);
    }
    ints.close();
  }

  @Test
  void theTemporaryFilesAreGoneAsSoonAsTheyAreOpen() throws Exception {
    MappedInts ints = new ScratchSpace(dir, 10, 10, 32).ints(10);
    ints.add(1);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    assertThat(ints.get(0)).isEqualTo(1);
    ints.close();
  }

  @Test
  void offsetsBeyond2To32AreStoredInFourBytesEach() {
    EdgeOffsets offsets = ScratchSpace.inTempDir().offsets(8);
    long[] values = {0, 3, 1L << 31, (1L << 32) - 1, 1L << 32, (1L << 32) + 9, 3L << 32, 5L << 33};
    for (long v : values) {
      offsets.add(v);
    }
    assertThat(offsets.flat()).isFalse();
    for (int i = 0; i < values.length; i++) {
      assertThat(offsets.get(i)).as("offset %d", i).isEqualTo(values[i]);
    }
    offsets.close();
  }

  @Test
  void offsetsThatNeverStepPastTheLowBitsAreFlat() {
    EdgeOffsets offsets = new ScratchSpace(dir, 4, 4, 4).offsets(4);
    offsets.add(0);
    offsets.add(15);
    assertThat(offsets.flat()).isTrue();
    offsets.add(16);
    assertThat(offsets.flat()).isFalse();
    assertThat(offsets.get(2)).isEqualTo(16);
    assertThatThrownBy(() -> offsets.add(3)).isInstanceOf(IllegalArgumentException.class);
    offsets.close();
  }
}
