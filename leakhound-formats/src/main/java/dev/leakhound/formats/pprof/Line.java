package dev.leakhound.formats.pprof;

/**
 * One source line of a {@link Location}: the function it belongs to, and where in the source.
 * Several lines on one location mean inlining: the first is the innermost (inlined) call, the last
 * the caller it was inlined into, as in profile.proto.
 *
 * <p>Immutable and thread-safe.
 *
 * @param functionId the id of a {@link Function} of the same profile (never 0)
 * @param line the line number in the source file, or 0 when unknown
 * @param column the column, or 0 when unknown
 */
public record Line(long functionId, long line, long column) {
  public Line {
    if (functionId == 0) {
      throw new IllegalArgumentException("a line needs a function (function id 0 is reserved)");
    }
  }
}
