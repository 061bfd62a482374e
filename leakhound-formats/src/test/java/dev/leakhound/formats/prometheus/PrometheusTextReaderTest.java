package dev.leakhound.formats.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextReaderTest {
  @Test
  void clientGolangTextIsGroupedIntoTypedFamilies() throws IOException {
    Exposition e = read("client_golang-1.22.txt", null);

    assertThat(e.format()).isEqualTo(ExpositionFormat.TEXT);
    MetricFamily gc = e.family("go_gc_duration_seconds");
    assertThat(gc.type()).isEqualTo(MetricType.SUMMARY);
    assertThat(gc.help())
        .isEqualTo(
            "A summary of the wall-time pause (stop-the-world) duration in garbage collection cycles.");
    assertThat(gc.samples())
        .extracting(MetricSample::name)
        .contains(
            "go_gc_duration_seconds", "go_gc_duration_seconds_sum", "go_gc_duration_seconds_count");
    assertThat(e.family("go_goroutines").type()).isEqualTo(MetricType.GAUGE);
    assertThat(e.family("go_goroutines").samples().get(0).value()).isEqualTo(6.0);
    assertThat(e.family("shop_request_duration_seconds").samples()).hasSize(14);
    assertThat(e.family("go_gc_duration_seconds_sum")).isNull();
  }

  @Test
  void openMetricsIsDetectedByItsEofAndCountersOwnTheirTotalSamples() throws IOException {
    Exposition e = read("client_golang-1.22.om.txt", null);

    assertThat(e.format()).isEqualTo(ExpositionFormat.OPENMETRICS);
    MetricFamily requests = e.family("shop_requests");
    assertThat(requests.type()).isEqualTo(MetricType.COUNTER);
    assertThat(requests.help()).isEqualTo("Requests served, by path and \"code\".");
    assertThat(requests.samples())
        .extracting(MetricSample::name, s -> s.label("path"), MetricSample::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("shop_requests_total", "/orders", 42.0),
            org.assertj.core.groups.Tuple.tuple("shop_requests_total", "/weird \"path\"\\x", 1.0));
  }

  @Test
  void aNameDeclaredTwiceStartsASecondFamilyAsClientGolangWritesIt() throws IOException {
    Exposition e = read("client_golang-1.22.om.txt", null);

    List<MetricFamily> alloc =
        e.families().stream().filter(f -> f.name().equals("go_memstats_alloc_bytes")).toList();
    assertThat(alloc)
        .extracting(MetricFamily::type)
        .containsExactly(MetricType.GAUGE, MetricType.COUNTER);
    assertThat(alloc.get(1).samples().get(0).name()).isEqualTo("go_memstats_alloc_bytes_total");
  }

  @Test
  void theExemplarIsDroppedAndTheBucketKeepsItsValue() throws IOException {
    Exposition e = read("client_golang-1.22.om.txt", ExpositionFormat.OPENMETRICS);

    MetricSample bucket =
        e.family("shop_request_duration_seconds").samples().stream()
            .filter(s -> "0.05".equals(s.label("le")))
            .findFirst()
            .orElseThrow();
    assertThat(bucket.value()).isEqualTo(1.0);
    assertThat(bucket.hasTimestamp()).isFalse();
  }

  @Test
  void textAndOpenMetricsOfTheSameRegistryAgreeOnApplicationSamples() throws IOException {
    Exposition text = read("client_golang-1.22.txt", null);
    Exposition om = read("client_golang-1.22.om.txt", null);

    // Values agree; OpenMetrics writes bucket bounds canonically ("1.0" where text has "1").
    for (String name :
        List.of(
            "shop_request_duration_seconds_bucket",
            "shop_request_duration_seconds_sum",
            "shop_requests_total")) {
      assertThat(om.samplesByName().get(name))
          .extracting(MetricSample::value)
          .isEqualTo(text.samplesByName().get(name).stream().map(MetricSample::value).toList());
    }
    assertThat(om.samplesByName().get("shop_requests_total"))
        .isEqualTo(text.samplesByName().get("shop_requests_total"));
  }

  @Test
  void aRealPrometheusServerExpositionReadsWholly() throws IOException {
    Exposition e = read("prometheus-2.42.txt", null);
    long sampleLines =
        Files.readAllLines(RepoRoot.resolve("testdata/prometheus/prometheus-2.42.txt")).stream()
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .count();

    assertThat(e.sampleCount()).isEqualTo(sampleLines).isEqualTo(271);
    assertThat(e.family("prometheus_tsdb_compaction_chunk_range_seconds").type())
        .isEqualTo(MetricType.HISTOGRAM);
  }

  @Test
  void theRuntimeMetricsExpositionCarriesTheLiveHeap() throws IOException {
    Exposition e = read("client_golang-1.22-runtime-all.txt", null);

    assertThat(e.family("go_gc_heap_live_bytes").type()).isEqualTo(MetricType.GAUGE);
    assertThat(e.family("go_gc_cycles_total_gc_cycles_total").type()).isEqualTo(MetricType.COUNTER);
  }

  @Test
  void timestampsAreMillisecondsInTextAndSecondsInOpenMetrics() throws IOException {
    Exposition text = parse("a 1 1700000000123\n", null);
    Exposition om = parse("a 1 1700000000.123\n# EOF\n", null);

    assertThat(text.families().get(0).samples().get(0).timestampMillis()).isEqualTo(1700000000123L);
    assertThat(om.families().get(0).samples().get(0).timestampMillis()).isEqualTo(1700000000123L);
  }

  @Test
  void specialValuesAreReadByName() throws IOException {
    Exposition e = parse("a NaN\nb +Inf\nc -Inf\nd 1.5e3\n", null);

    assertThat(e.families())
        .extracting(f -> f.samples().get(0).value())
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1500.0);
  }

  @Test
  void anHtmlPageIsRejectedOnItsFirstLine() {
    assertThatThrownBy(() -> parse("<!DOCTYPE html>\n<html><body>Not here</body></html>\n", null))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "test: on line 1: expected a metric name, '# HELP', '# TYPE' or a comment at column 1"
                + " (text format), found '<!DOCTYPE html>'");
  }

  @Test
  void aTruncatedOpenMetricsBodyIsReportedAsMissingItsEof() {
    assertThatThrownBy(() -> parse("# TYPE a gauge\na 1\n", ExpositionFormat.OPENMETRICS))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining(
            "on line 3: expected '# EOF' at the end of an OpenMetrics exposition");
  }

  @Test
  void aBadValueNamesTheLineAndColumn() {
    assertThatThrownBy(() -> parse("a 1\nb{x=\"1\"} 0x1p3\n", null))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "test: on line 2: expected a number (or NaN, +Inf, -Inf) at column 10 (text format),"
                + " found '0x1p3'");
  }

  @Test
  void anUnclosedLabelSetIsAnError() {
    assertThatThrownBy(() -> parse("a{x=\"1\" 1\n", null))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("on line 1: expected ',' or '}' after the value of label x");
  }

  @Test
  void aDuplicateLabelIsAnError() {
    assertThatThrownBy(() -> parse("a{x=\"1\",x=\"2\"} 1\n", null))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("label x once per sample");
  }

  @Test
  void jsonIsNotMetrics() {
    assertThatThrownBy(() -> parse("{\"memstats\": {}}\n", null))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("on line 1: expected a metric name");
  }

  @Test
  void anEmptyBodyIsAnEmptyExposition() throws IOException {
    assertThat(parse("", null).families()).isEmpty();
  }

  @Test
  void labelsKeepTheirWrittenOrderAndTrailingCommasAreAllowed() throws IOException {
    MetricSample s = parse("a{z=\"1\",b=\"2\",} 3\n", null).families().get(0).samples().get(0);

    assertThat(s.labels().keySet()).containsExactly("z", "b");
    assertThat(s.labels()).isEqualTo(Map.of("z", "1", "b", "2"));
  }

  @Test
  void writingAndReadingBackGivesTheSameExposition() throws IOException {
    for (String file : List.of("client_golang-1.22.txt", "prometheus-2.42.txt")) {
      Exposition first = read(file, null);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrometheusTextWriter.write(first, out);
      Exposition second = PrometheusTextReader.read("again", out.toByteArray(), null);

      assertThat(second).as(file).isEqualTo(first);
    }
  }

  @Test
  void randomExpositionsSurviveAWriteReadRoundTrip() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      Exposition original = RandomExpositions.generate(random);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrometheusTextWriter.write(original, out);
      Exposition back =
          PrometheusTextReader.read("random", out.toByteArray(), ExpositionFormat.TEXT);

      assertThat(back).as("round %d:%n%s", round, out).isEqualTo(original);
    }
  }

  private static Exposition read(String file, ExpositionFormat format) throws IOException {
    byte[] data = Files.readAllBytes(RepoRoot.resolve("testdata/prometheus/" + file));
    return PrometheusTextReader.read(file, data, format);
  }

  private static Exposition parse(String text, ExpositionFormat format) throws IOException {
    return PrometheusTextReader.read("test", text.getBytes(StandardCharsets.UTF_8), format);
  }
}
