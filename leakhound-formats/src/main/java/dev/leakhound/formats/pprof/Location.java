package dev.leakhound.formats.pprof;

import java.util.List;
import java.util.Objects;

/**
 * A program location (usually a return address) with the source lines it resolves to, as
 * profile.proto's {@code Location}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id unique nonzero id
 * @param mappingId the id of the {@link Mapping} holding {@code address}, or 0 when none
 * @param address the instruction address (unsigned), or 0 when unknown
 * @param lines the source lines, innermost inlined call first; empty when unsymbolized
 * @param isFolded whether several symbols were folded into this address (identical code folding)
 */
public record Location(long id, long mappingId, long address, List<Line> lines, boolean isFolded) {
  public Location {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
  }

  /** A location with one source line and no mapping. */
  public static Location of(long id, Line line) {
    return new Location(id, 0, 0, List.of(line), false);
  }
}
