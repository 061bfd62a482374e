package dev.leakhound.analysis.goroutine;

/**
 * The program's source, when it is at hand: lets the pattern namer read the line a goroutine waits
 * on and the signature of its function (a {@code *gin.Context} parameter, a ticker's channel),
 * which no dump prints.
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
