package dev.leakhound.formats.escape;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscapeOutputReaderFuzzTest {
  @Test
  void mutatedCompilerOutputEitherReadsOrFailsWithAnInputFormatException() throws IOException {
    byte[] m = Files.readAllBytes(RepoRoot.resolve("testdata/escape/escape.txt"));
    byte[] mm = Files.readAllBytes(RepoRoot.resolve("testdata/escape/escape-mm-inventory.txt"));
    EscapeOutputReader reader = new EscapeOutputReader();

    Fuzz.of("escape", List.of(Arrays.copyOf(m, 8192), mm), InputFormatException.class)
        .run(bytes -> reader.read("fuzz", new ByteArrayInputStream(bytes)));
  }
}
