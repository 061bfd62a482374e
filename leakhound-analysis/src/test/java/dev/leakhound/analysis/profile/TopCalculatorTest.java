package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Top against a brute-force oracle, on seeded random profiles with recursion and inlining. */
class TopCalculatorTest {
  private static final TopOptions ALL = TopOptions.defaults().withNodeFraction(0);

  @Test
  void flatAndCumMatchABruteForceOracle() {
    for (long seed = 1; seed <= 50; seed++) {
      Profile p = RandomProfiles.heap(seed, 80);

      TopReport top = TopCalculator.compute(p, ALL);

      assertThat(byName(top)).as("seed %d", seed).isEqualTo(lists(oracle(p, 1, false)));
      assertThat(top.total()).isEqualTo(sumAbs(p, 1));
    }
  }

  @Test
  void perLineRowsMatchTheOracleToo() {
    for (long seed = 1; seed <= 20; seed++) {
      Profile p = RandomProfiles.heap(seed, 80);

      TopReport top = TopCalculator.compute(p, ALL.withGranularity(Granularity.LINE));

      assertThat(byName(top)).as("seed %d", seed).isEqualTo(lists(oracle(p, 1, true)));
    }
  }

  @Test
  void aDiffIsCurrentMinusBaseWithTheBaseTotalAsTheHundredPercent() {
    for (long seed = 1; seed <= 30; seed++) {
      Profile base = RandomProfiles.heap(seed, 60);
      Profile current = RandomProfiles.heap(seed + 500, 60, 0x500000);

      TopReport top = TopCalculator.compute(ProfileAlgebra.diff(base, current), ALL);

      Map<String, long[]> expected = new HashMap<>(oracle(current, 1, false));
      oracle(base, 1, false)
          .forEach(
              (name, v) ->
                  expected.merge(
                      name,
                      new long[] {-v[0], -v[1]},
                      (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
      expected.values().removeIf(v -> v[0] == 0 && v[1] == 0);
      assertThat(byName(top)).as("seed %d", seed).isEqualTo(lists(expected));
      assertThat(top.total()).isEqualTo(sumAbs(base, 1));
      assertThat(top.diff()).isTrue();
      for (int i = 1; i < top.rows().size(); i++) {
        assertThat(top.rows().get(i - 1).flat()).isGreaterThanOrEqualTo(top.rows().get(i).flat());
      }
    }
  }

  @Test
  void rowsAreOrderedByFlatThenNameAndCutAtTheNodeCount() {
    Profile p = RandomProfiles.heap(11, 200);

    TopReport all = TopCalculator.compute(p, ALL);
    TopReport three = TopCalculator.compute(p, ALL.withNodeCount(3));

    for (int i = 1; i < all.rows().size(); i++) {
      TopRow a = all.rows().get(i - 1);
      TopRow b = all.rows().get(i);
      assertThat(
              Math.abs(a.flat()) > Math.abs(b.flat())
                  || (Math.abs(a.flat()) == Math.abs(b.flat()) && a.name().compareTo(b.name()) < 0))
          .isTrue();
    }
    assertThat(three.rows()).isEqualTo(all.rows().subList(0, 3));
    assertThat(three.nodesBeforeLimit()).isEqualTo(all.rows().size());
  }

  @Test
  void nodesUnderTheCutoffAreDroppedAndCounted() {
    Profile p = RandomProfiles.heap(5, 200);
    TopReport all = TopCalculator.compute(p, ALL);
    long totalFlat = all.rows().stream().mapToLong(TopRow::flat).sum();
    long cutoff = (long) (totalFlat * 0.2);

    TopReport cut = TopCalculator.compute(p, ALL.withNodeFraction(0.2));

    long expectedKept = all.rows().stream().filter(r -> Math.abs(r.cum()) >= cutoff).count();
    assertThat(cut.rows()).hasSize((int) expectedKept);
    assertThat(cut.droppedNodes()).isEqualTo(all.rows().size() - (int) expectedKept);
  }

  @Test
  void focusKeepsSamplesThroughAFrameAndIgnoreDropsThem() {
    Profile p = RandomProfiles.heap(9, 150);
    Pattern f2 = Pattern.compile("^main\\.f2$");

    TopReport focused = TopCalculator.compute(p, ALL.withFocus(f2));
    TopReport ignored = TopCalculator.compute(p, ALL.withIgnore(f2));

    Map<String, long[]> all = oracle(p, 1, false);
    assertThat(byName(focused).get("main.f2")).isEqualTo(lists(all).get("main.f2"));
    assertThat(byName(ignored)).doesNotContainKey("main.f2");
    // Percentages stay relative to the whole profile, as pprof computes the total before focus.
    assertThat(focused.total()).isEqualTo(sumAbs(p, 1));
  }

  @Test
  void theDefaultSampleTypeIsTheLastOneUnlessTheProfileNamesOne() {
    Profile p = RandomProfiles.heap(1, 10);

    assertThat(TopCalculator.compute(p, ALL).sampleType()).isEqualTo("inuse_space");
    assertThat(TopCalculator.compute(p, ALL.withSampleIndex("inuse_objects")).unit())
        .isEqualTo("count");
  }

  @Test
  void recursionCountsOncePerSampleInCum() {
    Profile p =
        Profile.builder()
            .addSampleType(new ValueType("samples", "count"))
            .addFunction(Function.of(1, "main.rec", "rec.go"))
            .addFunction(Function.of(2, "main.main", "main.go"))
            .addLocation(Location.of(1, new Line(1, 3, 0)))
            .addLocation(Location.of(2, new Line(1, 5, 0)))
            .addLocation(Location.of(3, new Line(2, 9, 0)))
            .addSample(new long[] {1, 2, 2, 2, 3}, new long[] {10}, List.of())
            .build();

    TopReport top = TopCalculator.compute(p, ALL);

    assertThat(top.rows())
        .extracting(TopRow::function, TopRow::flat, TopRow::cum)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("main.rec", 10L, 10L),
            org.assertj.core.groups.Tuple.tuple("main.main", 0L, 10L));
  }

  static Map<String, List<Long>> byName(TopReport top) {
    Map<String, List<Long>> out = new HashMap<>();
    for (TopRow r : top.rows()) {
      out.put(r.name(), List.of(r.flat(), r.cum()));
    }
    return out;
  }

  static Map<String, List<Long>> lists(Map<String, long[]> m) {
    Map<String, List<Long>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, List.of(v[0], v[1])));
    return out;
  }

  /** Flat and cum per printable name, counting each name once per sample for cum. */
  static Map<String, long[]> oracle(Profile p, int index, boolean lines) {
    Map<String, long[]> out = new HashMap<>();
    for (int s = 0; s < p.sampleCount(); s++) {
      long w = p.value(s, index);
      if (w == 0) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      String leaf = null;
      for (int d = 0; d < p.stackDepth(s); d++) {
        Location l = p.locations().get(p.stackLocation(s, d));
        for (Line line : l.lines()) {
          Function f = p.functionOf(line);
          String name = lines ? f.name() + " " + f.filename() + ":" + line.line() : f.name();
          if (leaf == null) {
            leaf = name;
          }
          if (seen.add(name)) {
            out.computeIfAbsent(name, k -> new long[2])[1] += w;
          }
        }
      }
      if (leaf != null) {
        out.computeIfAbsent(leaf, k -> new long[2])[0] += w;
      }
    }
    out.values().removeIf(v -> v[0] == 0 && v[1] == 0);
    return out;
  }

  static long sumAbs(Profile p, int index) {
    long total = 0;
    for (int s = 0; s < p.sampleCount(); s++) {
      total += Math.abs(p.value(s, index));
    }
    return total;
  }
}
