package dev.leakhound.formats.escape;

import java.util.Objects;

/**
 * One compiler diagnostic of {@code -gcflags=-m} output.
 *
 * @param kind what it says
 * @param packagePath the package of the {@code # package} header above it ("" before any)
 * @param file the file as the compiler printed it ({@code ./x.go}, {@code shop/cart.go})
 * @param line 1-based line in that file
 * @param column 1-based column, or 0 when the compiler printed none
 * @param subject what the line is about: the variable, expression, parameter or function
 * @param detail the rest: {@code to result ~r0 level=0}, an inlining cost or reason, the text of a
 *     flow line; "" when none
 * @param function the function an -m -m explanation header names, else ""
 * @param lineNumber where the line is in the output (1-based)
 */
public record EscapeDiagnostic(
    DiagnosticKind kind,
    String packagePath,
    String file,
    int line,
    int column,
    String subject,
    String detail,
    String function,
    long lineNumber) {
  public EscapeDiagnostic {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(packagePath);
    Objects.requireNonNull(file);
    Objects.requireNonNull(subject);
    Objects.requireNonNull(detail);
    Objects.requireNonNull(function);
    if (line < 1 || column < 0) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  /** {@code file:line:column} as the compiler printed it. */
  public String position() {
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }

  /** True for the two kinds that put something on the heap. */
  public boolean isHeapEscape() {
    return kind == DiagnosticKind.MOVED_TO_HEAP || kind == DiagnosticKind.ESCAPES_TO_HEAP;
  }
}
