package dev.leakhound.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a test-data folder, for parameterized tests that run over every capture in it.
 *
 * <p>Stateless and thread-safe.
 */
public final class TestFiles {
  private TestFiles() {}

  /**
   * The names of the files directly in {@code folder} (relative to the repository root) that end
   * with {@code suffix} and are not golden files, sorted.
   */
  public static List<String> names(String folder, String suffix) {
    try (Stream<Path> files = Files.list(RepoRoot.resolve(folder))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix) && !n.contains(".golden."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
