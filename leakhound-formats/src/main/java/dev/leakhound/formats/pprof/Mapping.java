package dev.leakhound.formats.pprof;

import java.util.Objects;

/**
 * A mapped binary (executable or shared library) in the profiled process, as profile.proto's {@code
 * Mapping}. Addresses and offsets are unsigned 64-bit values held in {@code long}s; print them with
 * {@link Long#toUnsignedString(long, int)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id unique nonzero id, referenced by {@link Location#mappingId()}
 * @param memoryStart address where the mapping starts (unsigned)
 * @param memoryLimit address where it ends, exclusive (unsigned)
 * @param fileOffset offset in the file of {@code memoryStart} (unsigned)
 * @param filename the object file's path, or a pseudo name such as {@code [vdso]}
 * @param buildId the linker build id, or {@code ""}
 * @param hasFunctions locations in this mapping were symbolized to functions
 * @param hasFilenames ... to source files
 * @param hasLineNumbers ... to line numbers
 * @param hasInlineFrames ... with inlined frames expanded
 */
public record Mapping(
    long id,
    long memoryStart,
    long memoryLimit,
    long fileOffset,
    String filename,
    String buildId,
    boolean hasFunctions,
    boolean hasFilenames,
    boolean hasLineNumbers,
    boolean hasInlineFrames) {
  public Mapping {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(buildId, "buildId");
  }

  /** A mapping with only an address range and a file, no symbolization flags. */
  public static Mapping of(long id, long start, long limit, long offset, String filename) {
    return new Mapping(id, start, limit, offset, filename, "", false, false, false, false);
  }

  /** This mapping with another id (used when merging profiles renumbers mappings). */
  public Mapping withId(long newId) {
    return new Mapping(
        newId,
        memoryStart,
        memoryLimit,
        fileOffset,
        filename,
        buildId,
        hasFunctions,
        hasFilenames,
        hasLineNumbers,
        hasInlineFrames);
  }
}
