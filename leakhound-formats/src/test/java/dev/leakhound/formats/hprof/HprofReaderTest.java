package dev.leakhound.formats.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import dev.leakhound.testkit.Fuzz;
import dev.leakhound.testkit.HprofBuilder;
import dev.leakhound.testkit.HprofBuilder.Root;
import dev.leakhound.testkit.HprofBuilder.Type;
import dev.leakhound.testkit.HprofShop;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HprofReaderTest {
  @TempDir Path dir;

  /** The shared leaking shop with two listeners, plus a byte array held by a thread root. */
  static byte[] shopDump(HprofBuilder b) {
    HprofShop.listenerLeak(b, 2);
    long secret = b.primitiveArray(Type.BYTE, "secret".getBytes(StandardCharsets.UTF_8));
    b.root(Root.THREAD_OBJECT, secret);
    return b.build();
  }

  @ParameterizedTest
  @CsvSource({"4,true,false", "8,true,false", "4,false,false", "8,false,true", "8,true,true"})
  void everyFlavourDeliversTheSameRecords(int idSize, boolean segmented, boolean gzip)
      throws IOException {
    HprofBuilder b = HprofBuilder.create(idSize);
    if (!segmented) {
      b.unsegmented();
    } else {
      b.segmentBytes(40);
    }
    byte[] dump = shopDump(b);
    Path file = write(gzip ? gzip(dump) : dump);
    Recorder r = new Recorder();
    try (HprofReader reader = HprofReader.open(file)) {
      assertThat(reader.header().identifierSize()).isEqualTo(idSize);
      assertThat(reader.header().version()).isEqualTo(segmented ? "1.0.2" : "1.0.1");
      HprofReadResult result = reader.read(r, ProgressListener.NONE, CancelSignal.NEVER);
      assertThat(result.truncated()).isFalse();
      assertThat(result.bytesRead()).isEqualTo(dump.length);
    }
    assertThat(r.events)
        .contains(
            "class shop/PriceFeed",
            "class [Ljava/lang/Object;",
            "classDump fields=1 statics=1",
            "instance 8 bytes",
            "objectArray length=2 elements=2",
            "primitiveArray BYTE 6 secret",
            "root STICKY_CLASS",
            "root THREAD_OBJECT");
  }

  @Test
  void version103IsReadLikeTheOthers() throws IOException {
    byte[] dump = shopDump(HprofBuilder.create(8).version("1.0.3"));
    Recorder r = new Recorder();
    try (HprofReader reader = HprofReader.open(write(dump))) {
      assertThat(reader.header().version()).isEqualTo("1.0.3");
      assertThat(reader.read(r, ProgressListener.NONE, CancelSignal.NEVER).truncated()).isFalse();
    }
    assertThat(r.events).contains("class shop/PriceFeed", "root STICKY_CLASS");
  }

  @Test
  void aDumpCutInsideARecordIsReportedAsTruncatedWithTheOffset() throws IOException {
    byte[] dump = shopDump(HprofBuilder.create(8));
    byte[] cut = Arrays.copyOf(dump, dump.length - 40);
    Recorder r = new Recorder();
    try (HprofReader reader = HprofReader.open(write(cut))) {
      HprofReadResult result = reader.read(r, ProgressListener.NONE, CancelSignal.NEVER);
      assertThat(result.truncated()).isTrue();
      assertThat(result.truncatedAt()).isBetween(0L, (long) cut.length);
      assertThat(result.truncation()).contains("sub-record");
    }
    assertThat(r.events).contains("class shop/PriceFeed");
  }

  @Test
  void aGzippedDumpCutShortIsTruncatedNotBroken() throws IOException {
    byte[] gz = gzip(shopDump(HprofBuilder.create(8)));
    try (HprofReader reader = HprofReader.open(write(Arrays.copyOf(gz, gz.length - 30)))) {
      HprofReadResult result =
          reader.read(new Recorder(), ProgressListener.NONE, CancelSignal.NEVER);
      assertThat(result.truncated()).isTrue();
    }
  }

  @Test
  void aWrongMagicNamesTheHeader() throws IOException {
    Path file = write("JAVA PROFILE 2.0\0xxxxxxxxxxxx".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> HprofReader.open(file))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("at byte 0")
        .hasMessageContaining("HPROF");
  }

  @Test
  void aBadSubRecordTagNamesItsOffset() throws IOException {
    byte[] dump = HprofBuilder.create(4).build();
    // Append a HEAP_DUMP whose only sub-record has tag 0x42.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(dump);
    out.writeBytes(new byte[] {0x0c, 0, 0, 0, 0, 0, 0, 0, 5, 0x42, 0, 0, 0, 1});
    byte[] bad = out.toByteArray();
    try (HprofReader reader = HprofReader.open(write(bad))) {
      assertThatThrownBy(
              () -> reader.read(new Recorder(), ProgressListener.NONE, CancelSignal.NEVER))
          .isInstanceOf(InputFormatException.class)
          .hasMessageContaining("at byte " + (bad.length - 5))
          .hasMessageContaining("sub-record tag");
    }
  }

  @Test
  void anArrayLongerThanItsSegmentIsBadData() throws IOException {
    byte[] dump = HprofBuilder.create(4).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(dump);
    // HEAP_DUMP of 18 bytes holding a byte[] that claims 2^31-1 elements.
    out.writeBytes(new byte[] {0x0c, 0, 0, 0, 0, 0, 0, 0, 18, 0x23, 0, 0, 0, 1, 0, 0, 0, 0});
    out.writeBytes(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 8, 1, 2, 3, 4});
    try (HprofReader reader = HprofReader.open(write(out.toByteArray()))) {
      assertThatThrownBy(
              () -> reader.read(new Recorder(), ProgressListener.NONE, CancelSignal.NEVER))
          .isInstanceOf(InputFormatException.class)
          .hasMessageContaining("fit in their heap dump segment");
    }
  }

  @Test
  void fuzzedDumpsFailOnlyWithInputFormatException() {
    List<byte[]> seeds =
        List.of(
            shopDump(HprofBuilder.create(4)),
            shopDump(HprofBuilder.create(8).segmentBytes(64)),
            shopDump(HprofBuilder.create(8).unsegmented()));
    Fuzz.of("hprof-reader", seeds, InputFormatException.class)
        .iterations(4000)
        .run(
            bytes -> {
              try (HprofReader reader =
                  HprofReader.openStream("fuzz", new ByteArrayInputStream(bytes), bytes.length)) {
                reader.read(new Recorder(), ProgressListener.NONE, CancelSignal.NEVER);
              }
            });
  }

  private Path write(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "dump", ".hprof");
    return Files.write(file, bytes);
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** Writes each callback as a line, resolving class names through the strings seen. */
  static final class Recorder implements HprofVisitor {
    final List<String> events = new ArrayList<>();
    final java.util.Map<Long, String> strings = new java.util.HashMap<>();

    @Override
    public void string(long id, ByteBuffer buffer, int position, int length) {
      byte[] b = new byte[length];
      buffer.get(position, b);
      strings.put(id, new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void loadClass(int serial, long classId, int stack, long nameId) {
      events.add("class " + strings.get(nameId));
    }

    @Override
    public void gcRoot(HprofRootKind kind, long objectId, int threadSerial) {
      events.add("root " + kind);
    }

    @Override
    public void classDump(HprofClassDump c) {
      events.add(
          "classDump fields=" + c.instanceFields().size() + " statics=" + c.staticFields().size());
    }

    @Override
    public void instance(long id, long classId, ByteBuffer buffer, int position, int length) {
      events.add("instance " + length + " bytes");
    }

    @Override
    public void objectArray(
        long id, long classId, int length, ByteBuffer buffer, int position, int first, int count) {
      events.add("objectArray length=" + length + " elements=" + count);
    }

    @Override
    public void primitiveArray(
        long id, HprofType type, int length, ByteBuffer buffer, int position, int available) {
      byte[] b = new byte[available];
      buffer.get(position, b);
      events.add(
          "primitiveArray " + type + " " + length + " " + new String(b, StandardCharsets.UTF_8));
    }
  }
}
