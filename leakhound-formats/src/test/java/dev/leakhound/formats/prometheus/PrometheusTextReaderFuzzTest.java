package dev.leakhound.formats.prometheus;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextReaderFuzzTest {
  @Test
  void mutatedExpositionsOnlyEverFailWithInputFormatException() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String f :
        List.of("client_golang-1.22.txt", "client_golang-1.22.om.txt", "prometheus-2.42.txt")) {
      seeds.add(Files.readAllBytes(RepoRoot.resolve("testdata/prometheus/" + f)));
    }
    dev.leakhound.testkit.Fuzz.of("prometheus-text", seeds, InputFormatException.class)
        .run(
            bytes -> {
              PrometheusTextReader.read("fuzz", bytes, null);
              PrometheusTextReader.read("fuzz", bytes, ExpositionFormat.OPENMETRICS);
            });
  }
}
