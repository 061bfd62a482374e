package dev.leakhound.formats.goroutine;

import java.util.Objects;

/**
 * One frame of a goroutine stack: the function as Go prints it ({@code net/http.(*conn).serve},
 * {@code main.F[...]}, {@code main.run.func1}) and its source position. {@code line} is 0 and
 * {@code file} empty when the dump does not say (an unsymbolized pc, a cgo frame).
 *
 * <p>Immutable.
 */
public record Frame(String function, String file, int line) {
  public Frame {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  /** {@code file:line}, or the file alone when the line is unknown. */
  public String position() {
    return line > 0 ? file + ":" + line : file;
  }

  /** The last element of the file path with the line: {@code server.go:2067}. */
  public String shortPosition() {
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    String base = file.substring(slash + 1);
    return line > 0 ? base + ":" + line : base;
  }

  /**
   * The package path of the function: {@code net/http} for {@code net/http.(*conn).serve}, {@code
   * github.com/gin-gonic/gin} for {@code github.com/gin-gonic/gin.(*Context).Next}.
   */
  public String packagePath() {
    return GoNames.packagePath(function);
  }
}
