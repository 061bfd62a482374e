package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairwiseSlopesTest {
  @Test
  void randomizedSelectionAgreesWithListingEverySlope() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 40; trial++) {
      int n = 300 + random.nextInt(1200);
      double[] x = new double[n];
      double[] y = new double[n];
      double t = 0;
      double slope = random.nextDouble() * 10 - 5;
      for (int i = 0; i < n; i++) {
        t += 1 + random.nextInt(trial % 2 == 0 ? 1 : 30);
        x[i] = 1_700_000_000 + t;
        y[i] = 1e8 + slope * t + noise(random, trial);
      }
      long total = PairwiseSlopes.pairCount(n);
      long[] ranks = {1, 2 + random.nextLong(total - 2), (total + 1) / 2, total / 3, total};
      java.util.Arrays.sort(ranks);
      double[] expected = PairwiseSlopes.bruteForce(x, y, n, ranks);
      double[] asked = new double[ranks.length];
      for (int i = 0; i < ranks.length; i++) {
        asked[i] = ranks[i];
      }
      double[] actual = PairwiseSlopes.atRanks(x, y, n, asked, trial);
      for (int i = 0; i < ranks.length; i++) {
        assertThat(actual[i])
            .as("trial %d, n %d, rank %d of %d", trial, n, ranks[i], total)
            .isCloseTo(expected[i], within(1e-9 * Math.max(1, Math.abs(expected[i]))));
      }
    }
  }

  @Test
  void integerDataWithManyEqualSlopesIsSelectedExactly() {
    SplittableRandom random = new SplittableRandom(12);
    for (int trial = 0; trial < 20; trial++) {
      int n = 400 + random.nextInt(600);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = 15.0 * i;
        // A flat floor that repeats a handful of values: most slopes are exactly 0.
        y[i] = 4_000_000 + 4096 * random.nextInt(trial % 4 + 1);
      }
      long total = PairwiseSlopes.pairCount(n);
      long[] ranks = {(total + 1) / 2, total / 10, total - total / 10};
      java.util.Arrays.sort(ranks);
      double[] expected = PairwiseSlopes.bruteForce(x, y, n, ranks);
      double[] actual =
          PairwiseSlopes.atRanks(x, y, n, new double[] {ranks[0], ranks[1], ranks[2]}, trial);
      for (int i = 0; i < ranks.length; i++) {
        assertThat(actual[i]).as("trial %d rank %d", trial, ranks[i]).isEqualTo(expected[i]);
      }
    }
  }

  @Test
  void aFractionalRankInterpolatesBetweenNeighbours() {
    double[] x = {0, 1, 2};
    double[] y = {0, 1, 4}; // slopes 1, 2, 3
    assertThat(PairwiseSlopes.atRanks(x, y, 3, new double[] {1.5, 2, 2.75}, 0))
        .containsExactly(1.5, 2.0, 2.75);
  }

  private static double noise(SplittableRandom random, int trial) {
    return switch (trial % 4) {
      case 0 -> random.nextGaussian() * 1e4;
      case 1 -> Math.tan(Math.PI * (random.nextDouble() - 0.5)) * 1e3; // Cauchy
      case 2 -> random.nextInt(5) * 8192.0;
      default -> random.nextGaussian() * 10;
    };
  }
}
