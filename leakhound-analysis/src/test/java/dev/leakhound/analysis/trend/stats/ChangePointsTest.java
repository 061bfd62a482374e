package dev.leakhound.analysis.trend.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangePointsTest {
  @Test
  void aDropIsFoundWhereItHappens() {
    int n = 200;
    double[] x = ReferenceData.index(n);
    double[] y = new double[n];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      y[i] = (i < 120 ? 100 + 0.5 * i : 40) + random.nextGaussian();
    }

    assertThat(ChangePoints.binarySegmentation(x, y, n, 10, 3 * Math.log(n), 4)).contains(120);
  }

  @Test
  void aStraightNoisyLineHasNoChange() {
    int n = 300;
    double[] x = ReferenceData.index(n);
    double[] y = new double[n];
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < n; i++) {
      y[i] = 5 + 0.3 * i + random.nextGaussian();
    }

    assertThat(ChangePoints.binarySegmentation(x, y, n, 10, 3 * Math.log(n), 4)).isEmpty();
  }

  @Test
  void theFirstSplitIsTheOneAnExhaustiveSearchFinds() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 50; trial++) {
      int n = 30 + random.nextInt(120);
      int min = 3 + random.nextInt(5);
      double[] x = new double[n];
      double[] y = new double[n];
      double t = 0;
      for (int i = 0; i < n; i++) {
        t += 1 + random.nextInt(4);
        x[i] = t;
        y[i] = random.nextGaussian() * 3 + (i > n / 3 ? 10 + 0.2 * i : 0);
      }
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int c = min; c <= n - min; c++) {
        double cost = rss(x, y, 0, c) + rss(x, y, c, n);
        if (cost < bestCost - 1e-9) {
          bestCost = cost;
          best = c;
        }
      }
      int[] found = ChangePoints.binarySegmentation(x, y, n, min, 0, 1);
      assertThat(found).as("trial %d", trial).containsExactly(best);
    }
  }

  /** Residual sum of squares of the least-squares line, computed directly. */
  private static double rss(double[] x, double[] y, int from, int to) {
    int m = to - from;
    double mx = 0;
    double my = 0;
    for (int i = from; i < to; i++) {
      mx += x[i] / m;
      my += y[i] / m;
    }
    double xx = 0;
    double xy = 0;
    for (int i = from; i < to; i++) {
      xx += (x[i] - mx) * (x[i] - mx);
      xy += (x[i] - mx) * (y[i] - my);
    }
    double slope = xx > 0 ? xy / xx : 0;
    double sum = 0;
    for (int i = from; i < to; i++) {
      double r = y[i] - my - slope * (x[i] - mx);
      sum += r * r;
    }
    return sum;
  }
}
