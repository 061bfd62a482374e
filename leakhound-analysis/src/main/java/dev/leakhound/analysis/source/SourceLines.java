package dev.leakhound.analysis.source;

/**
 * The program's source, when it is at hand: lets an analysis read what the input does not print,
 * such as the line a goroutine waits on and the signature of its function (a {@code *gin.Context}
 * parameter, a ticker's channel), or which function a compiler diagnostic's line belongs to.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface SourceLines {
  /** No source: patterns are named from the dump alone. */
  SourceLines NONE = (file, line) -> null;

  /** Line {@code line} (1-based) of {@code file} as the dump names it, or null when unknown. */
  String line(String file, int line);
}
