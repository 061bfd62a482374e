package dev.leakhound.formats.pprof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real go-shop captures (testdata/pprof) survive write then read unchanged. */
class RealCaptureRoundTripTest {
  private static Profile roundTrip(Profile p) throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    ProfileProtoWriter.writeGzipped(p, gz);
    return PprofReader.parse("round trip", gz.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "go-shop-heap-start.pb.gz",
        "go-shop-heap-end.pb.gz",
        "go-shop-goroutine-end.pb.gz"
      })
  void aProfileTheGoRuntimeWroteSurvivesWriteThenRead(String name) throws Exception {
    Profile read = PprofReader.read(RepoRoot.resolve("testdata/pprof/" + name));

    assertThat(read.sampleCount()).isPositive();
    assertThat(roundTrip(read)).isEqualTo(read);
  }

  @ParameterizedTest
  @ValueSource(strings = {"go-shop-heap-end.debug1.txt.gz"})
  void aLegacyTextProfileBecomesAStableProto(String name) throws Exception {
    Path file = RepoRoot.resolve("testdata/pprof/" + name);
    Profile text = PprofReader.read(file);
    Profile once = roundTrip(text);

    // Writing drops only what profile.proto cannot hold: numeric labels of value 0.
    assertThat(once.sampleCount()).isEqualTo(text.sampleCount());
    assertThat(once.locations()).isEqualTo(text.locations());
    assertThat(roundTrip(once)).isEqualTo(once);
  }
}
