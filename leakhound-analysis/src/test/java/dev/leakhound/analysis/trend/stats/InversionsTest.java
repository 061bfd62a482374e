package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InversionsTest {
  @Test
  void mergeCountsAgreeWithCountingEveryPair() {
    SplittableRandom random = new SplittableRandom(1);
    for (int trial = 0; trial < 300; trial++) {
      int n = random.nextInt(200);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = random.nextInt(1 + trial % 50);
      }
      long strict = 0;
      long nonStrict = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          strict += a[i] > a[j] ? 1 : 0;
          nonStrict += a[i] >= a[j] ? 1 : 0;
        }
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      double[] b = a.clone();

      assertThat(Inversions.strict(a, new double[n], n)).isEqualTo(strict);
      assertThat(a).containsExactly(sorted);
      assertThat(Inversions.nonStrict(b, new double[n], n)).isEqualTo(nonStrict);
      assertThat(b).containsExactly(sorted);
    }
  }
}
