package dev.leakhound.formats.gctrace;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GcTraceReaderFuzzTest {
  @Test
  void mutatedLogsEitherReadOrFailWithAnInputFormatException() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(byVersion().getBytes(StandardCharsets.UTF_8));
    Path fixtures = RepoRoot.resolve("testdata/gctrace");
    if (Files.isDirectory(fixtures)) {
      try (Stream<Path> files = Files.list(fixtures)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
          seeds.add(Files.readAllBytes(p));
        }
      }
    }
    GcTraceReader reader = new GcTraceReader();

    Fuzz.of("gctrace", seeds, InputFormatException.class)
        .run(bytes -> reader.read("fuzz", new ByteArrayInputStream(bytes)));
  }

  private static String byVersion() throws IOException, ReflectiveOperationException {
    Field f = GcTraceReaderTest.class.getDeclaredField("BY_VERSION");
    f.setAccessible(true);
    return (String) f.get(null);
  }
}
