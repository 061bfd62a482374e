package dev.leakhound.formats.pprof;

import java.util.Objects;

/**
 * A function of the profiled program, as profile.proto's {@code Function}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id unique nonzero id, referenced by {@link Line#functionId()}
 * @param name the human-readable name, e.g. {@code main.(*Cache).Put}
 * @param systemName the name as the system knows it (mangled for C++)
 * @param filename the source file, or {@code ""}
 * @param startLine the line where the function starts, or 0 when unknown
 */
public record Function(long id, String name, String systemName, String filename, long startLine) {
  public Function {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(systemName, "systemName");
    Objects.requireNonNull(filename, "filename");
  }

  /** A function whose system name equals its name and whose start line is unknown. */
  public static Function of(long id, String name, String filename) {
    return new Function(id, name, name, filename, 0);
  }
}
