package dev.leakhound.cli;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a command's result: to standard output, or to the file given with {@code -o}. The only
 * place commands print results, so they never compute and print at once.
 */
public final class Output {
  private Output() {}

  /** Renders {@code model} to {@code file}, or to standard output when {@code file} is null. */
  public static <T> void write(Renderer<T> renderer, T model, Path file) throws IOException {
    if (file == null) {
      renderer.write(model, System.out);
      System.out.flush();
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("cannot write " + file + ": the directory does not exist");
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      renderer.write(model, out);
    }
  }
}
