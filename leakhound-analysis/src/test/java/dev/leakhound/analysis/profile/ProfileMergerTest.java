package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Mapping;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merge against a brute-force oracle: sums of values per stack content and label set. */
class ProfileMergerTest {
  @Test
  void mergingAddsTheValuesOfSamplesWithTheSameStackAndLabels() {
    for (long seed = 1; seed <= 40; seed++) {
      Profile a = RandomProfiles.heap(seed, 60);
      Profile b = RandomProfiles.heap(seed, 60, 0x7f0000000000L); // same binary, other address
      Profile c = RandomProfiles.heap(seed + 1000, 30);
      List<Profile> sources = List.of(a, b, c);

      Profile merged = ProfileAlgebra.merge(sources);

      assertThat(contentSums(List.of(merged))).as("seed %d", seed).isEqualTo(contentSums(sources));
      assertThat(merged.sampleCount()).isEqualTo(contentSums(sources).size());
    }
  }

  @Test
  void aMergedProfileIsCompactWithIdsInOrderOfFirstUse() {
    Profile merged = ProfileAlgebra.merge(List.of(RandomProfiles.heap(7, 50)));

    for (int i = 0; i < merged.locations().size(); i++) {
      assertThat(merged.locations().get(i).id()).isEqualTo(i + 1);
    }
    assertThat(merged.mappings()).extracting(Mapping::id).containsExactly(1L);
    boolean[] used = new boolean[merged.locations().size()];
    for (int s = 0; s < merged.sampleCount(); s++) {
      for (int d = 0; d < merged.stackDepth(s); d++) {
        used[merged.stackLocation(s, d)] = true;
      }
    }
    for (boolean u : used) {
      assertThat(u).isTrue();
    }
  }

  @Test
  void samplesThatCancelOutDisappear() {
    Profile p = RandomProfiles.heap(3, 40);

    Profile diff = ProfileAlgebra.merge(List.of(p, ProfileAlgebra.scale(p, -1)));

    assertThat(diff.sampleCount()).isZero();
    assertThat(diff.locations()).isEmpty();
  }

  @Test
  void headersCombineAsPprofDoes() {
    Profile a = RandomProfiles.heap(1, 5);
    Profile b = RandomProfiles.heap(2, 5);

    Profile merged = ProfileAlgebra.merge(List.of(b, a));

    assertThat(merged.timeNanos()).isEqualTo(a.timeNanos());
    assertThat(merged.period()).isEqualTo(524288);
  }

  @Test
  void profilesOfDifferentTypesDoNotMerge() {
    Profile heap = RandomProfiles.heap(1, 5);
    Profile other =
        Profile.builder()
            .addSampleType(new ValueType("goroutine", "count"))
            .periodType(new ValueType("space", "bytes"))
            .build();

    assertThatThrownBy(() -> ProfileAlgebra.merge(List.of(heap, other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incompatible sample types");
  }

  /** Per (stack content, canonical labels): the summed values, zero sums left out. */
  static Map<List<Object>, List<Long>> contentSums(List<Profile> profiles) {
    Map<List<Object>, long[]> sums = new HashMap<>();
    for (Profile p : profiles) {
      for (int s = 0; s < p.sampleCount(); s++) {
        List<Object> key = new ArrayList<>();
        for (int d = 0; d < p.stackDepth(s); d++) {
          key.add(describe(p, p.locations().get(p.stackLocation(s, d))));
        }
        List<Label> labels = new ArrayList<>(p.labels(s));
        labels.sort(
            java.util.Comparator.comparing((Label l) -> l.isString() ? 0 : 1)
                .thenComparing(Label::key));
        key.add(labels);
        long[] v = sums.computeIfAbsent(key, k -> new long[p.sampleTypes().size()]);
        for (int t = 0; t < v.length; t++) {
          v[t] += p.value(s, t);
        }
      }
    }
    Map<List<Object>, List<Long>> out = new HashMap<>();
    sums.forEach(
        (k, v) -> {
          if (Arrays.stream(v).anyMatch(x -> x != 0)) {
            out.put(k, Arrays.stream(v).boxed().toList());
          }
        });
    return out;
  }

  private static String describe(Profile p, Location l) {
    Mapping m = p.mappingOf(l);
    StringBuilder s = new StringBuilder();
    s.append(m == null ? "-" : m.filename()).append('+');
    s.append(Long.toHexString(l.address() - (m == null ? 0 : m.memoryStart())));
    for (Line line : l.lines()) {
      var f = p.functionOf(line);
      s.append('|')
          .append(f.name())
          .append('@')
          .append(f.filename())
          .append(':')
          .append(line.line());
    }
    return s.toString();
  }
}
