package dev.leakhound.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.cli.Cli;
import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.HprofBuilder;
import dev.leakhound.testkit.HprofShop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HprofCommandTest {
  @TempDir Path dir;

  /** A shop whose PriceFeed keeps every checkout listener (and its 1 KB cart) forever. */
  static byte[] leakingShop(int listeners) {
    return HprofShop.listenerLeak(HprofBuilder.create(8).segmentBytes(8192), listeners).build();
  }

  @Test
  void theTextReportNamesTheLeakItsPathAndItsRemedy() {
    Cli.Result result = Cli.runWithStdin(leakingShop(100), "hprof", "-");

    assertThat(result.exitCode()).isZero();
    Golden.assertMatches(result.out(), "testdata/hprof/synthetic-listener-leak.golden.txt");
  }

  @Test
  void theJsonReportHasTheKeysScriptsRelyOn() throws Exception {
    Path dump = Files.write(dir.resolve("shop.hprof"), leakingShop(100));
    Cli.Result result = Cli.run("hprof", dump.toString(), "--format", "json");

    assertThat(result.exitCode()).isZero();
    JsonNode json = JsonRenderer.mapper().readTree(result.out());
    assertThat(json.get("objects").asLong()).isEqualTo(303);
    assertThat(json.get("classes").asLong()).isEqualTo(6);
    assertThat(json.get("histogram")).isNotEmpty();
    assertThat(json.get("dominators")).isNotEmpty();
    JsonNode suspect = json.get("suspects").get(0);
    assertThat(suspect.get("className").asText()).isEqualTo("class shop.PriceFeed");
    assertThat(suspect.get("retainedBytes").asLong()).isGreaterThan(100 * 1024L);
    assertThat(suspect.get("pathToRoot").toString())
        .isEqualTo(
            "[\"static PriceFeed.INSTANCE\",\"PriceFeed.listeners\",\"ArrayList.elementData\","
                + "\"Object[]\",\"CheckoutPriceListener\"]");
    assertThat(suspect.get("pattern").asText()).isEqualTo("listener-never-removed");
  }

  @Test
  void failOnLeakExitsThreeWhenASuspectIsFound() throws Exception {
    Path dump = Files.write(dir.resolve("shop.hprof"), leakingShop(100));

    assertThat(Cli.run("hprof", dump.toString(), "--fail-on-leak").exitCode()).isEqualTo(3);
    assertThat(Cli.run("hprof", dump.toString()).exitCode()).isZero();
  }

  @Test
  void aTruncatedDumpIsAnalysedAndMarkedPartial() throws Exception {
    byte[] dump = leakingShop(100);
    Path cut = Files.write(dir.resolve("cut.hprof"), Arrays.copyOf(dump, dump.length / 2));
    Cli.Result result = Cli.run("hprof", cut.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("PARTIAL RESULT: the dump ends early: at byte ");
  }

  @Test
  void aCorruptDumpExitsSixtyFiveNamingTheOffset() throws Exception {
    byte[] dump = leakingShop(10);
    byte[] corrupt = dump.clone();
    // The first heap dump sub-record tag sits after the header, strings, classes and the trace;
    // find the first HEAP_DUMP_SEGMENT (0x1c) record and break the tag that follows its header.
    int at = firstSegment(corrupt) + 9;
    corrupt[at] = 0x42;
    Path file = Files.write(dir.resolve("corrupt.hprof"), corrupt);
    Cli.Result result = Cli.run("hprof", file.toString());

    assertThat(result.exitCode()).isEqualTo(65);
    assertThat(result.err()).contains("at byte " + at).contains("sub-record tag");
  }

  @Test
  void notAHeapDumpExitsSixtyFive() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a heap dump");
    Cli.Result result = Cli.run("hprof", file.toString());

    assertThat(result.exitCode()).isEqualTo(65);
    assertThat(result.err()).contains("at byte 0").contains("HPROF header");
  }

  @Test
  void theHistogramOnlyModeTracesNothing() throws Exception {
    Path dump = Files.write(dir.resolve("shop.hprof"), leakingShop(50));
    Cli.Result result = Cli.run("hprof", dump.toString(), "--histogram-only", "--format", "json");

    JsonNode json = JsonRenderer.mapper().readTree(result.out());
    assertThat(json.get("objects").asLong()).isEqualTo(153);
    assertThat(json.get("suspects")).isEmpty();
    assertThat(json.get("references").asLong()).isEqualTo(-1);
  }

  @Test
  void theDiffShowsWhatGrewByClassAndByPath() throws Exception {
    Path base = Files.write(dir.resolve("base.hprof"), leakingShop(50));
    Path current = Files.write(dir.resolve("current.hprof"), leakingShop(300));
    Cli.Result result =
        Cli.run("hprof", "diff", base.toString(), current.toString(), "--format", "json");

    assertThat(result.exitCode()).isZero();
    JsonNode json = JsonRenderer.mapper().readTree(result.out());
    assertThat(json.get("objectsDelta").asLong()).isEqualTo(750);
    assertThat(json.get("classes").toString()).contains("shop.CheckoutPriceListener");
    JsonNode path = json.get("dominators").get(0);
    assertThat(path.get("className").asText()).isEqualTo("class shop.PriceFeed");
    assertThat(path.get("retainedDelta").asLong()).isGreaterThan(250 * 1024L);
    Cli.Result text = Cli.run("hprof", "diff", base.toString(), current.toString());
    assertThat(text.out()).contains("Classes that grew", "class shop.PriceFeed");
  }

  private static int firstSegment(byte[] dump) {
    int at = "JAVA PROFILE 1.0.2".length() + 1 + 12;
    while (at < dump.length) {
      int tag = dump[at] & 0xff;
      int length =
          ((dump[at + 5] & 0xff) << 24)
              | ((dump[at + 6] & 0xff) << 16)
              | ((dump[at + 7] & 0xff) << 8)
              | (dump[at + 8] & 0xff);
      if (tag == 0x1c) {
        return at;
      }
      at += 9 + length;
    }
    throw new AssertionError("no heap dump segment");
  }
}
