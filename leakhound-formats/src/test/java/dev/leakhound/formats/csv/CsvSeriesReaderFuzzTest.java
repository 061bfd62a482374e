package dev.leakhound.formats.csv;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.Fuzz;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSeriesReaderFuzzTest {
  @Test
  void mutatedSignalFilesFailOnlyWithInputFormatException() {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(
        """
        time,heap_after_gc,heap_live,goroutines,gc_cycles,requests_total,process_start
        1700000000,4194304,6291456,12,1,0,1699999990
        1700000001,4198400,7340032,13,1,20,1699999990
        1700000002,,5242880,13,2,41,1699999990
        1700000003,4210000,8388608,14,2,63,1699999990
        """
            .getBytes(StandardCharsets.UTF_8));
    seeds.add(
        "timestamp\t\"rss\"\r\n1700000000000\t1.5e8\r\n1700000015000\t1.6e8\r\n"
            .getBytes(StandardCharsets.UTF_8));
    seeds.add("# comment\nunix,threads\n1,2\n2,3\n3,4\n".getBytes(StandardCharsets.UTF_8));
    CsvSeriesReader reader = new CsvSeriesReader();

    Fuzz.of("csv-series", seeds, InputFormatException.class)
        .run(bytes -> reader.read("fuzz.csv", new ByteArrayInputStream(bytes)));
  }
}
