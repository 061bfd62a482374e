package dev.leakhound.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparklinesTest {
  @TempDir Path dir;

  @Test
  void oneQueryForAllTargetsEqualsBucketingEachTargetByHand() throws Exception {
    Random r = new Random(7);
    long from = 1_700_000_000_000L;
    long to = from + 3_600_000;
    int points = 40;
    List<long[]> times = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    try (Store store = Store.open(dir, 50)) {
      for (int k = 0; k < 5; k++) {
        String name = "t" + k;
        store.targets().ensure(name, "go", "http://127.0.0.1:1", "{}");
        int n = k == 4 ? 0 : 50 + r.nextInt(300);
        long[] t = new long[n];
        double[] v = new double[n];
        long at = from - 120_000 + r.nextInt(10_000);
        for (int i = 0; i < n; i++) {
          at += 5_000 + r.nextInt(20_000);
          t[i] = at;
          v[i] = 1e6 * k + r.nextGaussian() * 1e4;
          store.samples().append(name, at, Map.of(Signal.HEAP_FLOOR, v[i], Signal.RSS, -v[i]));
        }
        times.add(t);
        values.add(v);
      }
      store.database().write(c -> null);
      store.database().write(c -> null);

      Map<String, Sparklines.Spark> sparks =
          Sparklines.read(store, Signal.HEAP_FLOOR, from, to, points, 0);

      assertThat(sparks).doesNotContainKey("t4");
      long step = (to - from + points - 1) / points;
      for (int k = 0; k < 4; k++) {
        Sparklines.Spark s = sparks.get("t" + k);
        // Oracle: bucket the samples inside [from, to] by hand.
        List<Double> expected = new ArrayList<>();
        List<Long> expectedT = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        double sum = 0;
        int count = 0;
        long last = 0;
        long[] t = times.get(k);
        for (int i = 0; i < t.length; i++) {
          if (t[i] < from || t[i] > to) {
            continue;
          }
          long b = (t[i] - from) / step;
          if (b != bucket && count > 0) {
            expected.add(sum / count);
            expectedT.add(last);
            sum = 0;
            count = 0;
          }
          bucket = b;
          sum += values.get(k)[i];
          count++;
          last = t[i];
        }
        if (count > 0) {
          expected.add(sum / count);
          expectedT.add(last);
        }
        assertThat(s.t())
            .containsExactly(expectedT.stream().mapToInt(x -> (int) ((x - from) / 1000)).toArray());
        assertThat(s.v()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat((double) s.v()[i]).isCloseTo(expected.get(i), within(0.5));
        }
        assertThat(s.t().length).isLessThanOrEqualTo(points);
      }
    }
  }

  @Test
  void rangesOlderThanTheRawSamplesReadTheRollups() throws Exception {
    long base = 1_700_000_000_000L - 1_700_000_000_000L % 300_000;
    try (Store store = Store.open(dir, 50)) {
      store.targets().ensure("a", "go", "http://127.0.0.1:1", "{}");
      for (int i = 0; i < 120; i++) {
        store.samples().append("a", base + i * 15_000L, Map.of(Signal.HEAP_FLOOR, 100.0 + i));
      }
      store.database().write(c -> null);
      store.applyRetention(base + 3_600_000, 0, 0, 0, 0);

      Map<String, Sparklines.Spark> s =
          Sparklines.read(store, Signal.HEAP_FLOOR, base, base + 1_800_000, 6, Long.MAX_VALUE);

      // Six 5-minute buckets of 20 samples each: means 109.5, 129.5, ... (rounded half up)
      assertThat(s.get("a").v()).containsExactly(110, 130, 150, 170, 190, 210);
    }
  }
}
