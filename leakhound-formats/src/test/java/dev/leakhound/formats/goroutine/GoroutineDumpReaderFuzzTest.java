package dev.leakhound.formats.goroutine;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.PeerTestData;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GoroutineDumpReaderFuzzTest {
  @Test
  void mutatedDumpsEitherReadOrFailWithAnInputFormatException() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    Path fixtures = RepoRoot.resolve("testdata/goroutine");
    if (Files.isDirectory(fixtures)) {
      try (Stream<Path> files = Files.list(fixtures)) {
        for (Path p :
            files
                .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".pb.gz"))
                .sorted()
                .toList()) {
          byte[] bytes = Files.readAllBytes(p);
          seeds.add(bytes.length > 20_000 ? java.util.Arrays.copyOf(bytes, 20_000) : bytes);
          if (p.toString().endsWith(".gz")) {
            // Mutations of gzip bytes mostly stop at its CRC: the raw protobuf lets them reach
            // the decoder and the conversion to goroutine records.
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
              seeds.add(gz.readAllBytes());
            }
          }
        }
      }
    }
    Path peer = PeerTestData.rootOrNull();
    if (peer != null) {
      seeds.add(Files.readAllBytes(peer.resolve("uber-goleak/http.tracebackancestors.txt")));
    }
    seeds.add(
        """
        goroutine profile: total 3
        3 @ 0x49012e 0x41e62e 0x497f41
        # labels: {"a":"b"}
        #	0xe805ef	main.wait+0x2f	/src/main.go:70
        """
            .getBytes(StandardCharsets.UTF_8));
    seeds.add(
        """
        goroutine 1 gp=0xc000002380 m=0 mp=0x5a8f00 [select (leaked), 3 minutes, locked to thread]:
        main.F[...](0xc000010000, {0x1, 0x2})
        	/src/f.go:3 +0x2f fp=0xc000068f38 sp=0xc000068e88 pc=0x46d5b2
        ...4 frames elided...
        created by main.main in goroutine 1
        	/src/f.go:9 +0x25
        [originating from goroutine 1]:
        main.main(...)
        	/src/f.go:9 +0x25
        """
            .getBytes(StandardCharsets.UTF_8));
    GoroutineDumpReader reader = new GoroutineDumpReader();

    Fuzz.of("goroutine-dump", seeds, InputFormatException.class)
        .run(bytes -> reader.read("fuzz", new ByteArrayInputStream(bytes)));
  }
}
