package dev.leakhound.formats.pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.leakhound.formats.io.InputFormatException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Broken profile.proto input: every failure is an {@link InputFormatException} that names the byte
 * offset and what was expected there.
 */
class ProfileProtoReaderHostileInputTest {
  private static InputFormatException failure(byte[] bytes) {
    return catchThrowableOfType(
        InputFormatException.class, () -> PprofReader.parse("bad.pb", bytes));
  }

  @Test
  void aVarintLongerThanTenBytesNamesItsOffset() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    int at = p.size();
    p.tag(12, 0).raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);

    InputFormatException e = failure(p.toByteArray());

    assertThat(e.position()).isEqualTo(at + 1);
    assertThat(e.expected()).isEqualTo("a varint of at most 10 bytes");
  }

  @Test
  void aVarintCutByTheEndOfTheInputNamesWhereItStarts() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    int at = p.size();
    p.tag(12, 0).raw(0xff, 0xff);

    InputFormatException e = failure(p.toByteArray());

    assertThat(e.position()).isEqualTo(at + 1);
    assertThat(e.expected()).contains("a complete varint");
  }

  @Test
  void aWrongWireTypeForAMessageFieldIsNamed() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    int at = p.size();
    p.uint64(1, 7);

    InputFormatException e = failure(p.toByteArray());

    assertThat(e.position()).isEqualTo(at);
    assertThat(e.getMessage())
        .isEqualTo(
            "bad.pb: at byte "
                + at
                + ": expected wire type 2 (length-delimited) for Profile.sample_type (field 1),"
                + " not wire type 0 (varint)");
  }

  @Test
  void aWrongWireTypeForAScalarFieldIsNamed() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    int at = p.size();
    p.string(12, "period");

    assertThat(failure(p.toByteArray()).getMessage())
        .contains("at byte " + at)
        .contains("wire type 0 (varint) for Profile.period (field 12)");
  }

  @Test
  void groupWireTypesAreRejected() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    int at = p.size();
    p.tag(40, 3);

    InputFormatException e = failure(p.toByteArray());

    assertThat(e.position()).isEqualTo(at);
    assertThat(e.expected()).contains("a supported wire type (0, 1, 2 or 5) for field 40, not 3");
  }

  @Test
  void anAbsurdLengthPrefixIsRejectedBeforeAnythingIsAllocated() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    int at = p.size();
    p.tag(2, 2).varint(Long.MAX_VALUE);

    InputFormatException e = failure(p.toByteArray());

    assertThat(e.position()).isEqualTo(at + 1);
    assertThat(e.expected()).startsWith("a length of at most 0 bytes");
  }

  @Test
  void aNestedLengthPastItsEnclosingMessageIsRejected() {
    ProtoBytes sample = new ProtoBytes().tag(2, 2).varint(50).raw(1);
    ProtoBytes p = ProfileProtoCodecTest.header().message(2, sample);

    assertThat(failure(p.toByteArray()).expected())
        .isEqualTo("a length of at most 1 bytes (what remains of the enclosing message), not 50");
  }

  @Test
  void aStringTableWhoseFirstEntryIsNotEmptyIsRejected() {
    ProtoBytes p = new ProtoBytes().string(6, "x");

    InputFormatException e = failure(p.toByteArray());

    assertThat(e.position()).isZero();
    assertThat(e.expected()).isEqualTo("string_table[0] to be the empty string");
  }

  @Test
  void anOutOfRangeStringIndexNamesTheFieldAndItsOffset() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    int at = p.size();
    p.message(5, new ProtoBytes().uint64(1, 1).uint64(2, 57));

    InputFormatException e = failure(p.toByteArray());

    assertThat(e.position()).isEqualTo(at);
    assertThat(e.expected()).isEqualTo("a string_table index below 4 in Function.name, not 57");
  }

  @Test
  void aProfileWithoutAStringTableIsRejected() {
    assertThat(failure(new ProtoBytes().uint64(12, 5).toByteArray()).expected())
        .startsWith("a string_table");
  }

  @Test
  void duplicateAndZeroIdsAreRejected() {
    ProtoBytes dup = ProfileProtoCodecTest.header();
    dup.message(5, new ProtoBytes().uint64(1, 3));
    int at = dup.size();
    dup.message(5, new ProtoBytes().uint64(1, 3));
    InputFormatException e = failure(dup.toByteArray());
    assertThat(e.position()).isEqualTo(at);
    assertThat(e.expected()).isEqualTo("a unique function id (3 appears 2 times)");

    ProtoBytes zero = ProfileProtoCodecTest.header().message(3, new ProtoBytes().uint64(2, 1));
    assertThat(failure(zero.toByteArray()).expected())
        .isEqualTo("a nonzero mapping id (0 is reserved)");
  }

  @Test
  void aLineNamingAMissingFunctionIsRejected() {
    ProtoBytes p = ProfileProtoCodecTest.header();
    ProtoBytes line = new ProtoBytes().uint64(1, 8);
    p.message(4, new ProtoBytes().uint64(1, 1).message(4, line));

    assertThat(failure(p.toByteArray()).expected())
        .isEqualTo("a Line.function_id naming a function of the profile, not 8");
  }

  @Test
  void aSampleNamingAMissingLocationIsRejected() {
    byte[] bytes = ProfileProtoCodecTest.minimal(s -> s.packed(1, 1, 2).packed(2, 1, 1));

    assertThat(failure(bytes).expected())
        .isEqualTo("a Sample.location_id naming a location of the profile, not 2");
  }

  @Test
  void aSampleWithTheWrongNumberOfValuesIsRejected() {
    byte[] bytes = ProfileProtoCodecTest.minimal(s -> s.packed(1, 1).packed(2, 1, 2, 3));

    assertThat(failure(bytes).expected())
        .isEqualTo("one Sample.value per sample type (2 types), not 3 values");
  }

  @Test
  void concatenatedProfilesAreRejected() {
    byte[] one = ProfileProtoCodecTest.header().uint64(9, 100).toByteArray();
    byte[] two = Arrays.copyOf(one, one.length * 2);
    System.arraycopy(one, 0, two, one.length, one.length);

    assertThat(failure(two).expected()).contains("concatenated profiles");
  }

  @Test
  void aTruncatedGzipStreamNamesTheCompressedOffset() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    ProfileProtoWriter.writeGzipped(TestProfiles.everyField(), gz);
    byte[] truncated = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);

    InputFormatException e = failure(truncated);

    assertThat(e.source()).isEqualTo("bad.pb");
    assertThat(e.expected()).startsWith("a complete, valid gzip stream");
  }

  @Test
  void errorsInsideGzippedInputNameTheDecompressedOffset() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(ProfileProtoCodecTest.header().tag(12, 0).raw(0x80).toByteArray());
    }

    InputFormatException e = failure(gz.toByteArray());

    assertThat(e.source()).isEqualTo("bad.pb (gunzipped)");
    assertThat(e.expected()).contains("a complete varint");
  }
}
