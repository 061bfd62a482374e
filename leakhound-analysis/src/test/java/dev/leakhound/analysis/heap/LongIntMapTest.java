package dev.leakhound.analysis.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
  @Test
  void agreesWithAHashMapOnRandomKeysIncludingZeroAndNegativeOnes() {
    SplittableRandom random = new SplittableRandom(11);
    LongIntMap map = new LongIntMap(4);
    Map<Long, Integer> oracle = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long key =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> Long.MIN_VALUE + random.nextInt(12);
            case 2 -> random.nextLong(64) * 8;
            default -> random.nextLong();
          };
      if (random.nextBoolean()) {
        int value = random.nextInt(1_000_000);
        map.put(key, value);
        oracle.put(key, value);
      }
      assertThat(map.get(key)).isEqualTo(oracle.getOrDefault(key, -1));
    }
    assertThat(map.size()).isEqualTo(oracle.size());
    oracle.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
  }
}
