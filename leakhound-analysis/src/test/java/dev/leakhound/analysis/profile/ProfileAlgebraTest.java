package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scale, labels, sample-index choice and the diff's shape. */
class ProfileAlgebraTest {
  private static Profile values(long... vs) {
    var b = Profile.builder().addSampleType(new ValueType("space", "bytes"));
    for (long v : vs) {
      b.addSample(new long[0], new long[] {v}, List.of());
    }
    return b.build();
  }

  @Test
  void scalingRoundsHalfAwayFromZeroAndDropsZeroSamples() {
    Profile scaled = ProfileAlgebra.scale(values(3, -3, 1, 10), 0.5);

    assertThat(scaled.samples())
        .extracting(s -> s.values().get(0))
        .containsExactly(2L, -2L, 1L, 5L);
    assertThat(ProfileAlgebra.scale(values(1, 40), 0.1).sampleCount()).isEqualTo(1);
  }

  @Test
  void setLabelReplacesTheValuesOfItsKey() {
    Profile p =
        Profile.builder()
            .addSampleType(new ValueType("space", "bytes"))
            .addSample(
                new long[0],
                new long[] {1},
                List.of(Label.of("k", "a"), Label.ofNumber("bytes", 8, ""), Label.of("k", "b")))
            .build();

    Profile labelled = ProfileAlgebra.setLabel(p, "k", "z");

    assertThat(labelled.labels(0))
        .containsExactly(Label.of("k", "z"), Label.ofNumber("bytes", 8, ""));
  }

  @Test
  void aDiffLabelsItsBaseSamplesAndKeepsThemApartFromCurrentOnes() {
    Profile diff = ProfileAlgebra.diff(values(10), values(25));

    assertThat(diff.samples())
        .extracting(s -> s.values().get(0), s -> s.labels())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(25L, List.of()),
            org.assertj.core.groups.Tuple.tuple(-10L, List.of(Label.of("pprof::base", "true"))));
    assertThat(ProfileAlgebra.isDiff(diff)).isTrue();
  }

  @Test
  void aDiffKeepsTheSampleTypesBothProfilesHave() {
    Profile base =
        Profile.builder()
            .addSampleType(new ValueType("objects", "count"))
            .addSampleType(new ValueType("space", "bytes"))
            .addSample(new long[0], new long[] {1, 10}, List.of())
            .build();

    Profile diff = ProfileAlgebra.diff(base, values(25));

    assertThat(diff.sampleTypes()).containsExactly(new ValueType("space", "bytes"));
  }

  @Test
  void aDiffConvertsUnitsToTheFinerOne() {
    Profile kilobytes =
        Profile.builder()
            .addSampleType(new ValueType("space", "kilobytes"))
            .addSample(new long[0], new long[] {2}, List.of())
            .build();

    Profile diff = ProfileAlgebra.diff(kilobytes, values(4096));

    assertThat(diff.sampleTypes().get(0).unit()).isEqualTo("bytes");
    assertThat(diff.samples()).extracting(s -> s.values().get(0)).containsExactly(4096L, -2048L);
  }

  @Test
  void theSampleIndexDefaultsLikePprof() {
    Profile p =
        Profile.builder()
            .addSampleType(new ValueType("alloc_space", "bytes"))
            .addSampleType(new ValueType("space", "bytes"))
            .build();
    Profile withDefault =
        Profile.builder()
            .addSampleType(new ValueType("alloc_space", "bytes"))
            .addSampleType(new ValueType("space", "bytes"))
            .defaultSampleType("alloc_space")
            .build();

    assertThat(SampleIndex.resolve(p, null)).isEqualTo(1);
    assertThat(SampleIndex.resolve(withDefault, "")).isZero();
    assertThat(SampleIndex.resolve(p, "inuse_space")).isEqualTo(1);
    assertThat(SampleIndex.resolve(p, "0")).isZero();
    assertThatThrownBy(() -> SampleIndex.resolve(p, "cpu"))
        .hasMessage("sample index 'cpu' must be one of: alloc_space, space");
    assertThatThrownBy(() -> SampleIndex.resolve(p, "7")).hasMessageContaining("outside the range");
  }
}
