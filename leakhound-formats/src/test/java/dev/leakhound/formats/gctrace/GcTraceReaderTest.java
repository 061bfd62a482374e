package dev.leakhound.formats.gctrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GcTraceReaderTest {
  static GcTrace read(String text) throws IOException {
    return new GcTraceReader()
        .read("gc.log", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Lines in the shape each Go release prints, written by hand from the runtime's print calls
   * (mgc.go gcMarkTermination, mgcscavenge.go printScavTrace, proc.go forcegchelper) of that
   * release, with the program's own output between them.
   */
  private static final String BY_VERSION =
      """
      listening on 127.0.0.1:8080
      # Go 1.17 (before the stacks and globals fields)
      gc 1 @0.013s 1%: 0.010+0.92+0.003 ms clock, 0.042+0.16/0.35/0.64+0.012 ms cpu, 4->4->0 MB, 5 MB goal, 4 P
      # Go 1.19
      gc 2 @0.021s 2%: 0.026+0.39+0.10 ms clock, 0.21+0.10/0.28/0.18+0.86 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P
      scav 0 KiB work, 1024 KiB total, 99% util
      # Go 1.20
      gc 3 @1.500s 3%: 0.030+2.1+0.021 ms clock, 0.24+0.50/3.9/0.11+0.17 ms cpu, 8->9->5 MB, 9 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)
      scav 64 KiB work, 1088 KiB total, 98% util (forced)
      # Go 1.21
      gc 4 @2.75s 3%: 0.041+1.8+0.030 ms clock, 0.16+0.44/1.7/2.9+0.12 ms cpu, 9->10->6 MB, 11 MB goal, 1 MB stacks, 0 MB globals, 4 P
      scav 128 KiB work (bg), 0 KiB work (eager), 2048 KiB now, 97% util
      # Go 1.22
      GC forced
      gc 5 @122.5s 1%: 0.045+2.5+0.004 ms clock, 0.18+0/2.2/4.1+0.016 ms cpu, 6->6->6 MB, 12 MB goal, 1 MB stacks, 0 MB globals, 4 P
      # Go 1.23
      gc 6 @130.001s 1%: 0.52+12+0.075 ms clock, 2.1+1.5/11/0.11+0.30 ms cpu, 20->24->14 MB, 25 MB goal, 2 MB stacks, 1 MB globals, 4 P
      # Go 1.24
      gc 7 @131.2s 1%: 0.11+5.0+0.038 ms clock, 0.44+0.22/4.8/9.1+0.15 ms cpu, 25->26->15 MB, 29 MB goal, 2 MB stacks, 1 MB globals, 4 P
      scav 0 KiB work (bg), 512 KiB work (eager), 4096 KiB now, 95% util [controller reset]
      # Go 1.25
      gc 8 @140.9s 1%: 0.060+3.1+0.020 ms clock, 0.24+0.12/2.9/5.5+0.082 ms cpu, 28->29->16 MB, 31 MB goal, 2 MB stacks, 1 MB globals, 4 P
      # Go 1.26
      gc 9 @150.0s 1% (checking for goroutine leaks): 0.52+2.3+0.004 ms clock, 1.0+0/0.72/1.8+0.009 ms cpu, 30->31->17 MB, 33 MB goal, 2 MB stacks, 1 MB globals, 4 P (forced)
      # Go 1.16, the scavenger's old line
      scvg: 3 MB released
      scvg0: inuse: 3, idle: 0, sys: 3, released: 2, consumed: 3 (MB)
      shutting down
      """;

  @Test
  void everyGoVersionsLineIsReadWithAllItsFields() throws IOException {
    GcTrace trace = read(BY_VERSION);

    assertThat(trace.cycles())
        .extracting(GcCycle::number)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(trace.cycles().get(0))
        .isEqualTo(
            new GcCycle(
                1, 0.013, 1, false, 0.010, 0.92, 0.003, 0.042, 0.16, 0.35, 0.64, 0.012, 4, 4, 0, 5,
                -1, -1, 4, false, false, 3));
    assertThat(trace.cycles().get(5))
        .isEqualTo(
            new GcCycle(
                6, 130.001, 1, false, 0.52, 12, 0.075, 2.1, 1.5, 11, 0.11, 0.30, 20, 24, 14, 25, 2,
                1, 4, false, false, 17));
  }

  @Test
  void forcedPeriodicAndLeakCheckingCyclesAreMarked() throws IOException {
    GcTrace trace = read(BY_VERSION);

    assertThat(trace.cycles())
        .filteredOn(GcCycle::forced)
        .extracting(GcCycle::number)
        .containsExactly(3L, 9L);
    assertThat(trace.cycles())
        .filteredOn(GcCycle::periodic)
        .extracting(GcCycle::number)
        .containsExactly(5L);
    assertThat(trace.cycles())
        .filteredOn(GcCycle::checkingLeaks)
        .extracting(GcCycle::number)
        .containsExactly(9L);
    assertThat(trace.periodicLines()).isEqualTo(1);
  }

  @Test
  void scavengerLinesOfEveryFormAreCountedWithWhatTheyReleased() throws IOException {
    GcTrace trace = read(BY_VERSION);

    assertThat(trace.scavenger())
        .extracting(ScavengerLine::releasedKiB)
        .containsExactly(0L, 64L, 128L, 512L, 3072L, 2048L);
  }

  @Test
  void theProgramsOwnLinesAreSkippedAndCounted() throws IOException {
    GcTrace trace = read(BY_VERSION);

    assertThat(trace.otherLines()).isEqualTo(12);
    assertThat(trace.interleavedLines()).isZero();
  }

  @Test
  void aLogCollectorsTimestampBeforeTheLineIsAllowed() throws IOException {
    GcTrace trace =
        read(
            "2026-11-21T22:52:25.123Z stderr F gc 4 @2.75s 3%: 0.041+1.8+0.030 ms clock,"
                + " 0.16+0.44/1.7/2.9+0.12 ms cpu, 9->10->6 MB, 11 MB goal, 1 MB stacks, 0 MB"
                + " globals, 4 P\n");

    assertThat(trace.cycles()).extracting(GcCycle::liveHeapMB).containsExactly(6L);
  }

  @Test
  void aLineSplitByTheProgramsOutputIsSkippedAsInterleaved() throws IOException {
    GcTrace trace =
        read(
            """
            gc 4 @2.75s 3%: 0.041+1.8+0.030 ms clock, 0.16+0.44/1.7/2.9+0.12 ms cpu, 9->go-shop: 2026/11/21 22:52:25 request served
            10->6 MB, 11 MB goal, 1 MB stacks, 0 MB globals, 4 P
            gc 5 @3.75s 3%: 0.041+1.8+0.030 ms clock, 0.16+0.44/1.7/2.9+0.12 ms cpu, 9->10->6 MB, 11 MB goal, 1 MB stacks, 0 MB globals, 4 Pgo-shop: request served
            """);

    assertThat(trace.cycles()).extracting(GcCycle::number).containsExactly(5L);
    assertThat(trace.interleavedLines()).isEqualTo(2);
  }

  @Test
  void aBrokenLineWithoutItsRestNearbyIsBadDataNamingLineAndField() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    hello
                    gc 4 @2.75s 3%: 0.041+1.8 ms clock, 0.16+0.44/1.7/2.9+0.12 ms cpu, 9->10->6 MB, 11 MB goal, 4 P
                    world
                    """))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("gc.log: on line 2: expected a gctrace line 'gc N @Ts P%:")
        .hasMessageContaining("expected '+' at column 26");
  }

  @Test
  void aLastLineCutByTheEndOfTheInputIsForgivenAsTruncated() throws IOException {
    GcTrace trace =
        read(
            "gc 1 @0.013s 1%: 0.010+0.92+0.003 ms clock, 0.042+0.16/0.35/0.64+0.012 ms cpu, 4->4->0"
                + " MB, 5 MB goal, 4 P\ngc 2 @0.02s 1%: 0.010+0.9");

    assertThat(trace.cycles()).hasSize(1);
    assertThat(trace.truncatedLines()).isEqualTo(1);
  }

  @Test
  void absurdNumbersAreBadDataNotOverflow() {
    assertThatThrownBy(
            () ->
                read(
                    "gc 1 @0.013s 1%: 0.010+0.92+0.003 ms clock, 0.042+0.16/0.35/0.64+0.012 ms cpu,"
                        + " 99999999999999999999->4->0 MB, 5 MB goal, 4 P\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("on line 1")
        .hasMessageContaining("expected the heap size at the start");
  }

  @Test
  void digitsOfAnotherScriptAreBadDataNotANumber() {
    // Found by the fuzzer: an Extended Arabic-Indic zero (U+06F0) after the decimal point.
    assertThatThrownBy(
            () ->
                read(
                    "gc 1 @0.\u06f0s 1%: 0.010+0.92+0.003 ms clock, 0.042+0.16/0.35/0.64+0.012 ms"
                        + " cpu, 4->4->0 MB, 5 MB goal, 4 P\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("on line 1");
  }
}
