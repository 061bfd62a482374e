package dev.leakhound.formats.pprof;

import java.util.List;

/** Profiles built in code for the codec tests: every field of profile.proto set. */
final class TestProfiles {
  private TestProfiles() {}

  /** A small profile with every field of profile.proto set to something non-default. */
  static Profile everyField() {
    ProfileBuilder b =
        Profile.builder()
            .addSampleType(new ValueType("alloc_objects", "count"))
            .addSampleType(new ValueType("inuse_space", "bytes"))
            .defaultSampleType("inuse_space")
            .dropFrames("runtime\\..*")
            .keepFrames("runtime\\.panic")
            .timeNanos(1_700_000_000_123_456_789L)
            .durationNanos(30_000_000_000L)
            .periodType(new ValueType("space", "bytes"))
            .period(524288)
            .addComment("first comment")
            .addComment("second comment")
            .docUrl("https://pkg.go.dev/runtime/pprof");
    b.addMapping(
        new Mapping(1, 0x400000, 0x4da000, 0x1000, "/srv/shop", "abc123", true, true, true, true));
    b.addMapping(
        new Mapping(2, 0x7f0000000000L, -16L, 0, "[vdso]", "", false, false, false, false));
    b.addFunction(new Function(1, "main.leak", "main.leak", "/srv/main.go", 10));
    b.addFunction(new Function(2, "main.main", "_main", "/srv/main.go", 20));
    b.addFunction(new Function(3, "runtime.main", "runtime.main", "proc.go", 0));
    b.addLocation(
        new Location(1, 1, 0x401000, List.of(new Line(1, 12, 3), new Line(2, 25, 0)), false));
    b.addLocation(new Location(2, 1, 0x402000, List.of(new Line(3, 290, 0)), true));
    b.addLocation(new Location(3, 2, 0x7f0000001000L, List.of(), false));
    b.addSample(
        new long[] {1, 2},
        new long[] {5, 5120},
        List.of(Label.ofNumber("bytes", 1024, "bytes"), Label.of("span", "checkout")));
    b.addSample(new long[] {3, 1, 2}, new long[] {1, -7}, List.of());
    b.addSample(new long[] {}, new long[] {0, 0}, List.of(Label.ofNumber("request", 7, "")));
    return b.build();
  }
}
