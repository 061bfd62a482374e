package dev.leakhound.formats.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds random but valid expositions for round-trip tests. */
final class RandomExpositions {
  private static final String LABEL_CHARS = "ab\"\\\n xé{}=,#";

  private RandomExpositions() {}

  static Exposition generate(SplittableRandom random) {
    List<MetricFamily> families = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int f = 0; f < count; f++) {
      String name = "m" + f + "_" + random.nextInt(1000);
      MetricType type =
          List.of(MetricType.COUNTER, MetricType.GAUGE, MetricType.UNTYPED).get(random.nextInt(3));
      String help = random.nextBoolean() ? "" : "help " + text(random) + " end";
      List<MetricSample> samples = new ArrayList<>();
      int n = 1 + random.nextInt(4);
      for (int s = 0; s < n; s++) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("i", Integer.toString(s));
        if (random.nextBoolean()) {
          labels.put("v", text(random));
        }
        double value =
            switch (random.nextInt(5)) {
              case 0 -> Double.NaN;
              case 1 -> random.nextInt(1_000_000);
              case 2 -> Double.POSITIVE_INFINITY;
              default -> random.nextDouble() * 1e6;
            };
        long ts = random.nextBoolean() ? MetricSample.NO_TIMESTAMP : random.nextLong(1L << 42);
        samples.add(
            new MetricSample(name, java.util.Collections.unmodifiableMap(labels), value, ts));
      }
      families.add(new MetricFamily(name, type, help.strip(), "", samples));
    }
    return new Exposition(ExpositionFormat.TEXT, families);
  }

  private static String text(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    int len = random.nextInt(8);
    for (int i = 0; i < len; i++) {
      sb.append(LABEL_CHARS.charAt(random.nextInt(LABEL_CHARS.length())));
    }
    return sb.toString();
  }
}
