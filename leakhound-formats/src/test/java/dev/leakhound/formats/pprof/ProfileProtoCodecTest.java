package dev.leakhound.formats.pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile.proto codec: round trips, both encodings of repeated fields, unknown fields. */
class ProfileProtoCodecTest {
  @Test
  void aProfileWithEveryFieldSurvivesWriteThenRead() throws Exception {
    Profile original = TestProfiles.everyField();

    Profile read = ProfileProtoReader.read("test", ProfileProtoWriter.toBytes(original));

    assertThat(read).isEqualTo(original);
    assertThat(ProfileDebugText.render(read)).isEqualTo(ProfileDebugText.render(original));
  }

  @Test
  void aGzippedProfileReadsThroughPprofReader() throws Exception {
    Profile original = TestProfiles.everyField();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    ProfileProtoWriter.writeGzipped(original, gz);

    assertThat(PprofReader.parse("test.pb.gz", gz.toByteArray())).isEqualTo(original);
  }

  @Test
  void everyDecodedFieldHasItsValue() throws Exception {
    Profile p =
        ProfileProtoReader.read("test", ProfileProtoWriter.toBytes(TestProfiles.everyField()));

    assertThat(p.sampleTypes())
        .containsExactly(
            new ValueType("alloc_objects", "count"), new ValueType("inuse_space", "bytes"));
    assertThat(p.defaultSampleType()).isEqualTo("inuse_space");
    assertThat(p.dropFrames()).isEqualTo("runtime\\..*");
    assertThat(p.keepFrames()).isEqualTo("runtime\\.panic");
    assertThat(p.timeNanos()).isEqualTo(1_700_000_000_123_456_789L);
    assertThat(p.durationNanos()).isEqualTo(30_000_000_000L);
    assertThat(p.periodType()).isEqualTo(new ValueType("space", "bytes"));
    assertThat(p.period()).isEqualTo(524288);
    assertThat(p.comments()).containsExactly("first comment", "second comment");
    assertThat(p.docUrl()).isEqualTo("https://pkg.go.dev/runtime/pprof");
    assertThat(p.mappings().get(0))
        .isEqualTo(
            new Mapping(
                1, 0x400000, 0x4da000, 0x1000, "/srv/shop", "abc123", true, true, true, true));
    assertThat(p.mappings().get(1).memoryLimit()).isEqualTo(-16L);
    assertThat(p.locations().get(0).lines())
        .containsExactly(new Line(1, 12, 3), new Line(2, 25, 0));
    assertThat(p.locations().get(1).isFolded()).isTrue();
    assertThat(p.functions().get(1))
        .isEqualTo(new Function(2, "main.main", "_main", "/srv/main.go", 20));
    assertThat(p.sample(0).labels())
        .containsExactly(Label.ofNumber("bytes", 1024, "bytes"), Label.of("span", "checkout"));
    assertThat(p.sample(1).values()).containsExactly(1L, -7L);
    assertThat(p.sample(1).locations()).extracting(Location::id).containsExactly(3L, 1L, 2L);
  }

  @Test
  void packedAndUnpackedRepeatedFieldsDecodeAlike() throws Exception {
    byte[] unpacked =
        minimal(sample -> sample.uint64(1, 1).uint64(1, 1).uint64(2, 7).uint64(2, -3));
    byte[] packed = minimal(sample -> sample.packed(1, 1, 1).packed(2, 7, -3));

    Profile a = ProfileProtoReader.read("unpacked", unpacked);
    Profile b = ProfileProtoReader.read("packed", packed);

    assertThat(a).isEqualTo(b);
    assertThat(a.sample(0).values()).containsExactly(7L, -3L);
    assertThat(a.stackDepth(0)).isEqualTo(2);
  }

  @Test
  void unknownFieldsOfEveryWireTypeAreSkipped() throws Exception {
    byte[] plain = minimal(sample -> sample.packed(1, 1).packed(2, 7, 8));
    byte[] withUnknown =
        minimal(
            sample ->
                sample
                    .uint64(99, 5)
                    .packed(1, 1)
                    .tag(98, 1)
                    .raw(1, 2, 3, 4, 5, 6, 7, 8)
                    .packed(2, 7, 8)
                    .tag(97, 5)
                    .raw(1, 2, 3, 4)
                    .string(96, "ignored"));

    assertThat(ProfileProtoReader.read("unknown", withUnknown))
        .isEqualTo(ProfileProtoReader.read("plain", plain));
  }

  @Test
  void aLabelWithNeitherValueNorUnitIsDroppedAsPprofDoes() throws Exception {
    byte[] bytes =
        minimal(
            sample ->
                sample
                    .packed(1, 1)
                    .packed(2, 7, 8)
                    .message(3, new ProtoBytes().uint64(1, 1))
                    .message(3, new ProtoBytes().uint64(1, 1).uint64(3, 42)));

    Profile p = ProfileProtoReader.read("labels", bytes);

    assertThat(p.labels(0)).containsExactly(Label.ofNumber("count", 42, ""));
  }

  @Test
  void aLocationNamingAMissingMappingKeepsNoMappingAsPprofDoes() throws Exception {
    ProtoBytes p = header();
    p.message(4, new ProtoBytes().uint64(1, 1).uint64(2, 9).uint64(3, 0x1234));
    p.message(2, new ProtoBytes().packed(1, 1).packed(2, 1, 2));

    Profile profile = ProfileProtoReader.read("mapping", p.toByteArray());

    assertThat(profile.locations().get(0).mappingId()).isZero();
  }

  @Test
  void theWriterPacksLongRepeatedFieldsLikePprof() {
    Profile p = TestProfiles.everyField();
    byte[] bytes = ProfileProtoWriter.toBytes(p);
    // Sample 2 has three locations: written packed (tag 0x0a, length 3, ids 3 1 2).
    assertThat(indexOf(bytes, new byte[] {0x0a, 3, 3, 1, 2})).isNotNegative();
  }

  /** Sample types (count, bytes), one location with id 1, and one sample built by the caller. */
  static byte[] minimal(java.util.function.Consumer<ProtoBytes> sample) {
    ProtoBytes p = header();
    p.message(4, new ProtoBytes().uint64(1, 1).uint64(3, 0x1000));
    ProtoBytes s = new ProtoBytes();
    sample.accept(s);
    p.message(2, s);
    return p.toByteArray();
  }

  /** Two sample types and a string table: "", "count", "bytes", "objects". */
  static ProtoBytes header() {
    ProtoBytes p = new ProtoBytes();
    p.message(1, new ProtoBytes().uint64(1, 3).uint64(2, 1));
    p.message(1, new ProtoBytes().uint64(1, 2).uint64(2, 2));
    for (String s : List.of("", "count", "bytes", "objects")) {
      p.string(6, s);
    }
    return p;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void anEmptyInputIsRejected() {
    assertThatThrownBy(() -> PprofReader.parse("empty.pb", new byte[0]))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("empty.pb: at byte 0");
  }
}
