package dev.leakhound.formats.escape;

import java.util.List;

/**
 * The compiler output of a {@code go build -gcflags=-m} (or {@code -m -m}) run, read: the
 * diagnostics in order, the errors mixed in, the packages compiled.
 *
 * <p>Immutable.
 *
 * @param source the file name or {@code <stdin>}
 * @param packages the packages of the {@code # package} headers, in order
 * @param diagnostics every diagnostic line, in order (an escape appears twice under -m -m: as an
 *     explanation header and as the summary line)
 * @param errors compile errors and go-command messages
 * @param explained true when the output has -m -m explanations
 * @param otherLines lines that are neither (blank lines, the go command's progress)
 */
public record EscapeOutput(
    String source,
    List<String> packages,
    List<EscapeDiagnostic> diagnostics,
    List<CompilerError> errors,
    boolean explained,
    long otherLines) {
  public EscapeOutput {
    packages = List.copyOf(packages);
    diagnostics = List.copyOf(diagnostics);
    errors = List.copyOf(errors);
  }
}
