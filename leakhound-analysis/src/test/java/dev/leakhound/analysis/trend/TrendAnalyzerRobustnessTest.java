package dev.leakhound.analysis.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendAnalyzerRobustnessTest {
  @Test
  void anyValidInputGetsAVerdictNeverAnExceptionNorANaN() throws java.io.IOException {
    SplittableRandom random = new SplittableRandom(42);
    TrendAnalyzer analyzer = new TrendAnalyzer();
    for (int trial = 0; trial < 400; trial++) {
      int n = random.nextInt(trial % 10 == 0 ? 3 : 400);
      double[] t = new double[n];
      double[] v = new double[n];
      double[] gc = new double[n];
      double[] requests = new double[n];
      double[] starts = new double[n];
      double time = 1.7e9 + random.nextInt(1000);
      double level = random.nextDouble() * 1e9;
      double counter = 0;
      for (int i = 0; i < n; i++) {
        time +=
            random.nextInt(4) == 0 ? 1 + random.nextInt(3600) : 0.001 + random.nextDouble() * 30;
        t[i] = time;
        v[i] =
            switch (trial % 6) {
              case 0 -> 5e6; // constant
              case 1 -> random.nextInt(3) == 0 ? Double.NaN : level + random.nextGaussian() * 1e6;
              case 2 -> random.nextInt(2) * 1e9; // two values
              case 3 -> 0; // all zero
              case 4 -> Math.abs(level + i * random.nextGaussian() * 1e7);
              default -> random.nextDouble() * Double.MAX_VALUE / 1e10;
            };
        gc[i] = random.nextInt(5) == 0 ? Double.NaN : random.nextInt(10);
        counter = random.nextInt(20) == 0 ? 0 : counter + random.nextInt(100);
        requests[i] = counter;
        starts[i] = random.nextInt(50) == 0 ? time : 1.7e9;
      }
      SignalKind kind = SignalKind.values()[trial % SignalKind.values().length];
      TrendInput.Builder b = TrendInput.builder(kind, t, v);
      if (trial % 3 == 0) {
        b.gcCycles(gc).requests(requests).processStarts(starts).limit(2e9);
      }
      Verdict verdict = analyzer.analyze(b.build());

      assertThat(verdict.verdict()).as("trial %d", trial).isNotNull();
      assertThat(verdict.reason()).isNotBlank();
      assertThat(verdict.confidence()).isBetween(0.0, 1.0);
      java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
      new dev.leakhound.analysis.render.JsonRenderer<Verdict>().write(verdict, json);
      assertThat(json.toString(java.nio.charset.StandardCharsets.UTF_8))
          .as("trial %d", trial)
          .doesNotContain("NaN", "Infinity");
    }
  }
}
