package dev.leakhound.analysis.heap;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.HprofBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole analysis on mutated dumps: whatever the bytes, it ends with a report (perhaps partial)
 * or an {@link InputFormatException}, never a runtime exception or an error.
 */
class HeapDumpAnalyzerFuzzTest {
  @TempDir Path dir;

  @Test
  void mutatedDumpsGiveAReportOrAnInputFormatException() {
    List<byte[]> seeds =
        List.of(
            new ShopDump(HprofBuilder.create(8)).listenerLeak(20).weakCache(5).build(),
            new ShopDump(HprofBuilder.create(4).unsegmented()).listenerLeak(10).secrets(5).build(),
            new ShopDump(HprofBuilder.create(8).segmentBytes(256)).secrets(10).build());
    Path file = dir.resolve("fuzz.hprof");
    HeapDumpAnalyzer.Options options = new HeapDumpAnalyzer.Options(5, 10, true, 0.05);
    Fuzz.of("hprof-analysis", seeds, InputFormatException.class)
        .iterations(1500)
        .budget(Duration.ofSeconds(20))
        .run(
            bytes -> {
              Files.write(file, bytes);
              HeapDumpAnalyzer.analyze(file, options, ProgressListener.NONE, CancelSignal.NEVER);
              HeapDumpAnalyzer.histogram(
                  file, "fuzz", options, ProgressListener.NONE, CancelSignal.NEVER);
            });
  }
}
