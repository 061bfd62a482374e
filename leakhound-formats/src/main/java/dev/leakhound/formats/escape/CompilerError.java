package dev.leakhound.formats.escape;

/**
 * A line of the compiler output that is not an optimization diagnostic: a compile error ({@code
 * ./x.go:5:2: undefined: foo}) or a message of the go command ({@code too many errors}). Kept and
 * reported; it does not stop the reading.
 *
 * @param packagePath the package of the {@code # package} header above it
 * @param position {@code file:line[:column]}, or "" for a line without one
 * @param message the message
 * @param lineNumber where the line is in the output (1-based)
 */
public record CompilerError(String packagePath, String position, String message, long lineNumber) {}
