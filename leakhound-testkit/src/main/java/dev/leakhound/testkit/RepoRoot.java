package dev.leakhound.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's root directory from a test, whatever module it runs in: the Maven build
 * passes {@code leakhound.repoRoot}; from an IDE the root is the nearest parent holding {@code
 * bin/leakhound}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RepoRoot {
  private RepoRoot() {}

  /** The repository root, as an absolute normalized path. */
  public static Path path() {
    String configured = System.getProperty("leakhound.repoRoot");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("bin/leakhound")) && Files.isDirectory(p.resolve("lab"))) {
        return p.normalize();
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + dir);
  }

  /** A path below the repository root. */
  public static Path resolve(String relative) {
    return path().resolve(relative);
  }
}
