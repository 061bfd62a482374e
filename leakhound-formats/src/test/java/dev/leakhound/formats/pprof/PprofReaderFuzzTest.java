package dev.leakhound.formats.pprof;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.PeerTestData;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated profiles, proto and text: the readers may only succeed or fail with an {@link
 * InputFormatException}; never a runtime exception, an OutOfMemoryError or a StackOverflowError.
 */
class PprofReaderFuzzTest {
  @Test
  void theProtoReaderFailsOnlyWithInputFormatExceptions() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(ProfileProtoWriter.toBytes(TestProfiles.everyField()));
    seeds.add(ProfileProtoCodecTest.minimal(s -> s.packed(1, 1).packed(2, 7, 8)));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    ProfileProtoWriter.writeGzipped(TestProfiles.everyField(), gz);
    seeds.add(gz.toByteArray());
    seeds.addAll(captures("pb.gz"));

    Fuzz.of("pprof-proto", seeds, InputFormatException.class)
        .budget(Duration.ofSeconds(20))
        .run(bytes -> PprofReader.parse("fuzz.pb", bytes));
  }

  @Test
  void theLegacyTextReadersFailOnlyWithInputFormatExceptions() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String text :
        List.of(LegacyTexts.GO_DEBUG1, LegacyTexts.CPP_HEAPZ, LegacyTexts.JAVA_HEAPZ)) {
      seeds.add(text.getBytes(StandardCharsets.UTF_8));
    }
    // Real debug=1 text, stored gzipped: mutate the text itself, not its compression, and only
    // its first samples (cut at a blank line) so that each mutant parses fast.
    for (byte[] gz : captures("txt.gz")) {
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int cut = text.indexOf("\n\n", Math.min(text.length(), 16_000));
        seeds.add(
            text.substring(0, cut < 0 ? text.length() : cut + 1).getBytes(StandardCharsets.UTF_8));
      }
    }
    Path peer = PeerTestData.rootOrNull();
    if (peer != null) {
      for (String name : List.of("cppbench.heap", "gobench.heap", "java.heap", "cppbench.growth")) {
        Path file = peer.resolve("google-pprof").resolve(name);
        if (Files.isRegularFile(file)) {
          seeds.add(Files.readAllBytes(file));
        }
      }
    }

    Fuzz.of("pprof-legacy-text", seeds, InputFormatException.class)
        .budget(Duration.ofSeconds(15))
        .run(bytes -> PprofReader.parse("fuzz.txt", bytes));
  }

  /** Real captures committed under testdata/pprof with the given extension. */
  private static List<byte[]> captures(String extension) throws IOException {
    Path dir = RepoRoot.resolve("testdata/pprof");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith("." + extension)).sorted().toList()) {
        out.add(Files.readAllBytes(f));
      }
    }
    return out;
  }
}
