package dev.leakhound.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CsvSeriesReaderTest {
  private final CsvSeriesReader reader = new CsvSeriesReader();

  @Test
  void aSignalsFileReadsIntoPrimitiveColumns() throws IOException {
    CsvSeries csv =
        read(
            """
            time,heap_after_gc,goroutines,requests_total
            1700000000,4194304,12,0
            1700000001,4198400,13,20

            # a comment line
            1700000002,,13,41
            """);

    assertThat(csv.timeColumn()).isEqualTo("time");
    assertThat(csv.columns()).containsExactly("heap_after_gc", "goroutines", "requests_total");
    assertThat(csv.times()).containsExactly(1700000000, 1700000001, 1700000002);
    assertThat(csv.column("HEAP_AFTER_GC")).containsExactly(4194304, 4198400, Double.NaN);
    assertThat(csv.column("requests_total")).containsExactly(0, 20, 41);
  }

  @Test
  void theTimeColumnIsFoundByNameAnywhere() throws IOException {
    CsvSeries csv = read("rss,unix_time\n100,10\n110,20\n");

    assertThat(csv.timeColumn()).isEqualTo("unix_time");
    assertThat(csv.columns()).containsExactly("rss");
  }

  @Test
  void millisecondTimesBecomeSeconds() throws IOException {
    assertThat(read("timestamp,rss\n1700000000000,1\n1700000015500,2\n").times())
        .containsExactly(1700000000.0, 1700000015.5);
  }

  @Test
  void tabsQuotesAndCarriageReturnsAreAccepted() throws IOException {
    assertThat(read("time\t\"heap, live\"\r\n1\t5\r\n2\t6\r\n").column("heap, live"))
        .containsExactly(5, 6);
  }

  @Test
  void gzipIsDetectedByMagicBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("time,rss\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    CsvSeries csv =
        reader.read(
            "x.csv",
            dev.leakhound.formats.io.Inputs.decode(
                "x.csv", new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(csv.column("rss")).containsExactly(2);
  }

  @Test
  void aHeaderWithoutRowsIsAnEmptySeriesAndOneRowIsOnePoint() throws IOException {
    assertThat(read("time,rss\n").size()).isZero();
    assertThat(read("time,rss\n5,6\n").size()).isEqualTo(1);
  }

  @Test
  void anEmptyFileAsksForAHeader() {
    assertBad("", "s.csv: on line 1: expected a header line naming the columns");
    assertBad(
        "\n\n# only comments\n", "s.csv: on line 1: expected a header line naming the columns");
  }

  @Test
  void badCellsNameTheLineTheColumnAndWhatWasExpected() {
    assertBad(
        "time,heap\n1,5\n2,NaN\n",
        "s.csv: on line 3: expected a finite number in column 'heap', found \"NaN\" (leave the"
            + " cell empty for a missing sample)");
    assertBad(
        "time,heap\n1,Infinity\n",
        "s.csv: on line 2: expected a finite number in column 'heap', found \"Infinity\" (leave"
            + " the cell empty for a missing sample)");
    assertBad(
        "time,heap\n1,-4\n",
        "s.csv: on line 2: expected a value of 0 or more in column 'heap'," + " found -4");
    assertBad(
        "time,heap\n1,12MB\n",
        "s.csv: on line 2: expected a finite number in column 'heap', found \"12MB\" (leave the"
            + " cell empty for a missing sample)");
    assertBad("time,heap\n,5\n", "s.csv: on line 2: expected a time in column 'time'");
  }

  @Test
  void raggedRowsAreRejected() {
    assertBad(
        "time,heap,rss\n1,2,3\n2,3\n",
        "s.csv: on line 3: expected 3 fields like the header (time,heap,rss), found 2");
    assertBad(
        "time,heap\n1,2,3\n",
        "s.csv: on line 2: expected 2 fields like the header (time,heap), found more");
  }

  @Test
  void timesThatGoBackAreRejected() {
    assertBad(
        "time,heap\n10,1\n9,2\n",
        "s.csv: on line 3: expected a time of at least 10 (line 2): rows must be in increasing"
            + " time, found 9");
  }

  @Test
  void aRowWithTheSameTimeAsThePreviousOneReplacesIt() throws IOException {
    CsvSeries csv = read("time,heap\n10,1\n10,2\n11,3\n");

    assertThat(csv.times()).containsExactly(10, 11);
    assertThat(csv.column("heap")).containsExactly(2, 3);
  }

  @Test
  void headerProblemsAreRejected() {
    assertBad(
        "heap\n1\n",
        "s.csv: on line 1: expected a time column and at least one signal column, separated by"
            + " commas (found \"heap\")");
    assertBad(
        "time,heap,heap\n", "s.csv: on line 1: expected distinct column names (\"heap\" repeats)");
    assertBad("time,,heap\n", "s.csv: on line 1: expected a name for column 2 in the header");
  }

  @Test
  void anOverlongLineIsRejectedBeforeItExhaustsMemory() {
    String line = "time,heap\n1," + "9".repeat(CsvSeriesReader.MAX_LINE + 5) + "\n";
    assertBad(line, "s.csv: on line 2: expected a line of at most 65536 characters");
  }

  private CsvSeries read(String text) throws IOException {
    return reader.read("s.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private void assertBad(String text, String message) {
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(message);
  }
}
