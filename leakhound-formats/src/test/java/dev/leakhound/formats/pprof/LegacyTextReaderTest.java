package dev.leakhound.formats.pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.leakhound.formats.io.InputFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The legacy text readers on inputs written in code: Go's debug=1 text and broken lines. */
class LegacyTextReaderTest {
  private static Profile parse(String text) throws Exception {
    return PprofReader.parse("heap.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void goDebug1TextIsSymbolizedFromItsCommentsAndHidesRuntimeLeafFrames() throws Exception {
    Profile p = parse(LegacyTexts.GO_DEBUG1);

    assertThat(ProfileDebugText.render(p))
        .isEqualTo(
            """
            PeriodType: space bytes
            Period: 524288
            Samples:
            alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes
                   1537    1574400       1025    1049600: 1 2 3 \n\
                            bytes:[1024]
                   1025    1049600        512     524800: 4 2 3 \n\
                            bytes:[1024]
            Locations
                 1: 0x4d9844 M=1 main.leak /srv/main.go:22:0 s=0
                 2: 0x4d9910 M=1 main.main /srv/main.go:29:0 s=0
                 3: 0x44cd14 M=1 runtime.main /usr/local/go/src/runtime/proc.go:290:0 s=0
                 4: 0x4d99a4 M=1 main.(*Cache).put /srv/cache.go:40:0 s=0
                         main.store /srv/cache.go:12:0 s=0
            Mappings
            1: 0x0/0xffffffffffffffff/0x0   \n\
            """);
  }

  @Test
  void cppHeapzReadsItsMemoryMapWithVariables() throws Exception {
    Profile p = parse(LegacyTexts.CPP_HEAPZ);

    assertThat(p.mappings())
        .extracting(Mapping::filename)
        .containsExactly("/home/server", "/lib/libc.so.6");
    assertThat(p.locations()).extracting(Location::mappingId).containsExactly(1L, 1L, 2L);
    assertThat(p.dropFrames()).contains("tcmalloc::.*");
  }

  @Test
  void javaHeapzSymbolsBecomeFunctions() throws Exception {
    Profile p = parse(LegacyTexts.JAVA_HEAPZ);

    assertThat(p.functions())
        .extracting(Function::name, Function::filename)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("com.example.Cache.put", "Cache.java"),
            org.assertj.core.groups.Tuple.tuple("com.example.Main.main", "Main.java"),
            org.assertj.core.groups.Tuple.tuple("libjvm.so", "libjvm.so"));
    assertThat(p.sample(0).values()).containsExactly(74L, 527819L);
  }

  @Test
  void aMalformedSampleLineNamesItsLine() {
    InputFormatException e =
        catchThrowableOfType(
            InputFormatException.class,
            () -> parse("heap profile: 1: 2 [3: 4] @ heap/8\n1: 2 [3: 4] @ 0x1\nnonsense\n"));

    assertThat(e.getMessage())
        .isEqualTo(
            "heap.txt: on line 3: expected a heap sample such as"
                + " '1: 1024 [2: 2048] @ 0x4a1b2c 0x4a1d00'");
  }

  @Test
  void bytesWithoutObjectsAreRejectedAsPprofDoes() {
    InputFormatException e =
        catchThrowableOfType(
            InputFormatException.class,
            () -> parse("heap profile: 1: 2 [3: 4] @ heap/8\n0: 5 [0: 0] @\n"));

    assertThat(e.position()).isEqualTo(2);
    assertThat(e.expected()).isEqualTo("a nonzero inuse count, as the inuse bytes are 5");
  }

  @Test
  void anUnknownHeapKindIsRejectedOnLineOne() {
    InputFormatException e =
        catchThrowableOfType(
            InputFormatException.class, () -> parse("heap profile: 1: 2 [3: 4] @ heapz/8\n"));

    assertThat(e.position()).isEqualTo(1);
    assertThat(e.expected()).contains("not heapz");
  }
}
