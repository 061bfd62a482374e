package dev.leakhound.analysis.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import dev.leakhound.testkit.HprofBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeapDumpAnalyzerTest {
  @TempDir Path dir;

  static final List<String> LISTENER_PATH =
      List.of(
          "static PriceFeed.INSTANCE",
          "PriceFeed.listeners",
          "ArrayList.elementData",
          "Object[]",
          "CheckoutPriceListener");

  @ParameterizedTest
  @CsvSource({"8,true,false", "4,true,false", "8,false,false", "4,false,true", "8,true,true"})
  void theListenerLeakIsTheTopSuspectWithItsPathToTheStaticField(
      int idSize, boolean segmented, boolean gzip) throws IOException {
    HprofBuilder b = HprofBuilder.create(idSize);
    if (!segmented) {
      b.unsegmented();
    } else {
      b.segmentBytes(4096);
    }
    byte[] dump = new ShopDump(b).listenerLeak(300).weakCache(20).build();
    HeapReport report = analyze(gzip ? gzip(dump) : dump);

    assertThat(report.partial()).isFalse();
    HeapReport.Suspect top = report.suspects().get(0);
    assertThat(top.kind()).isEqualTo("dominator");
    assertThat(top.className()).isEqualTo("class shop.PriceFeed");
    assertThat(top.pathToRoot()).isEqualTo(LISTENER_PATH);
    assertThat(top.pattern()).isEqualTo(LeakPattern.LISTENER_NEVER_REMOVED);
    assertThat(top.accumulationPoint().className()).isEqualTo("java.lang.Object[]");
    assertThat(top.accumulatedClass()).isEqualTo("shop.CheckoutPriceListener");
    assertThat(top.accumulatedCount()).isEqualTo(300);
    long header = idSize == 8 ? 16 : 12;
    long payload = (header + 1024 + 7) / 8 * 8;
    assertThat(top.retainedBytes()).isGreaterThan(300 * payload);
    assertThat(report.histogram())
        .anySatisfy(
            h -> {
              assertThat(h.className()).isEqualTo("shop.CheckoutPriceListener");
              assertThat(h.instances()).isEqualTo(300);
            });
  }

  @Test
  void offsetsSteppingPastTheirLowBitsAndTinyChunksGiveTheSameReport() throws IOException {
    // Offsets of 4 low bits and chunks of 8 ints take, on a small dump, the code paths of a dump
    // of more than 2^32 references: the report must not change.
    byte[] dump = new ShopDump(HprofBuilder.create(8)).listenerLeak(100).weakCache(20).build();
    Path file = Files.write(dir.resolve("shop.hprof"), dump);
    HeapReport usual = analyzeWith(file, ScratchSpace.inTempDir());
    HeapReport tiny = analyzeWith(file, new ScratchSpace(dir, 3, 3, 4));
    assertThat(usual.references()).isGreaterThan(1 << 8);
    assertThat(tiny).isEqualTo(usual);
  }

  @Test
  void aDumpWithoutObjectsGivesAnEmptyReport() throws IOException {
    HeapReport report = analyze(HprofBuilder.create(8).build());
    assertThat(report.objects()).isZero();
    assertThat(report.suspects()).isEmpty();
    assertThat(report.dominators()).isEmpty();
    assertThat(render(report)).contains("Leak suspects: none");
  }

  @Test
  void weakSoftAndPhantomReferentsKeepNothingAlive() throws IOException {
    HeapReport withCache = analyze(new ShopDump(HprofBuilder.create(8)).weakCache(50).build());
    HeapReport without = analyze(new ShopDump(HprofBuilder.create(8)).weakCache(0).build());
    // 50 weak references and their arrays are in the dump; only the references are reachable.
    assertThat(withCache.objects() - without.objects()).isEqualTo(100);
    assertThat(withCache.reachableObjects() - without.reachableObjects()).isEqualTo(50);
    assertThat(withCache.suspects())
        .noneMatch(s -> s.pathToRoot().stream().anyMatch(p -> p.contains("referent")));
  }

  @Test
  void aTruncatedDumpGivesAPartialResultThatSaysWhereItEnds() throws IOException {
    byte[] dump = new ShopDump(HprofBuilder.create(8)).listenerLeak(300).build();
    HeapReport report = analyze(Arrays.copyOf(dump, dump.length * 2 / 3));
    assertThat(report.partial()).isTrue();
    assertThat(report.partialReason()).contains("at byte").contains("only what precedes");
    assertThat(report.objects()).isPositive();
  }

  @Test
  void valuesStayHiddenUnlessAskedFor() throws IOException {
    byte[] dump = new ShopDump(HprofBuilder.create(8)).secrets(200).build();
    Path file = Files.write(dir.resolve("secrets.hprof"), dump);
    HeapReport hidden =
        HeapDumpAnalyzer.analyze(
            file, HeapDumpAnalyzer.Options.defaults(), ProgressListener.NONE, CancelSignal.NEVER);
    assertThat(render(hidden)).doesNotContain("secret-token");
    HeapReport shown =
        HeapDumpAnalyzer.analyze(
            file,
            new HeapDumpAnalyzer.Options(20, 30, true, 0.1),
            ProgressListener.NONE,
            CancelSignal.NEVER);
    assertThat(shown.suspects().get(0).pathToRoot())
        .last()
        .asString()
        .startsWith("String \"secret-token-");
    assertThat(shown.suspects().get(0).pattern()).isEqualTo(LeakPattern.STATIC_COLLECTION);
  }

  @Test
  void theDiffNamesTheClassAndThePathThatGrew() throws IOException {
    HeapReport base = analyze(new ShopDump(HprofBuilder.create(8)).listenerLeak(50).build());
    HeapReport current = analyze(new ShopDump(HprofBuilder.create(8)).listenerLeak(400).build());
    HeapDiffReport diff = HeapDiffCalculator.compare(base, current);
    assertThat(diff.classes().get(0).className()).isIn("byte[]", "shop.Cart");
    assertThat(diff.classes())
        .anySatisfy(
            c -> {
              assertThat(c.className()).isEqualTo("shop.CheckoutPriceListener");
              assertThat(c.instancesDelta()).isEqualTo(350);
            });
    HeapDiffReport.PathGrowth grown = diff.dominators().get(0);
    assertThat(grown.className()).isEqualTo("class shop.PriceFeed");
    assertThat(grown.retainedDelta()).isGreaterThan(350 * 1024L);
  }

  private static HeapReport analyzeWith(Path file, ScratchSpace scratch) throws IOException {
    return HeapDumpAnalyzer.run(
        file,
        "shop",
        HeapDumpAnalyzer.Options.defaults(),
        ProgressListener.NONE,
        CancelSignal.NEVER,
        scratch);
  }

  private HeapReport analyze(byte[] dump) throws IOException {
    Path file = Files.createTempFile(dir, "dump", ".hprof");
    Files.write(file, dump);
    return HeapDumpAnalyzer.analyze(
        file, HeapDumpAnalyzer.Options.defaults(), ProgressListener.NONE, CancelSignal.NEVER);
  }

  static String render(HeapReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HeapReportTextRenderer().write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
