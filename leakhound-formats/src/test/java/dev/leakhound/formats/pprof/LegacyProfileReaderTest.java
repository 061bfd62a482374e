package dev.leakhound.formats.pprof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.testkit.PeerTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The legacy text readers against pprof's own expected parses: google/pprof's test data, read in
 * place, rendered in pprof's {@code Profile.String()} format and compared with its {@code .string}
 * files byte for byte.
 */
class LegacyProfileReaderTest {
  @ParameterizedTest
  @ValueSource(strings = {"cppbench.heap", "gobench.heap", "java.heap", "cppbench.growth"})
  void legacyHeapProfilesParseAsPprofParsesThem(String name) throws Exception {
    Path input = PeerTestData.require("google-pprof/" + name);
    Path expected = PeerTestData.require("google-pprof/" + name + ".string");

    Profile profile = PprofReader.read(input);

    assertThat(ProfileDebugText.render(profile))
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
