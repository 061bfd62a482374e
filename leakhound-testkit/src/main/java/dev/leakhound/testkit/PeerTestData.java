package dev.leakhound.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Other projects' test inputs, read in place from {@code ../shared/peer-testdata} beside the
 * repository (or from {@code -Dleakhound.peerTestData=DIR}); never copied into the repository.
 * Tests that use them are skipped, with a message saying where the data was looked for, when the
 * folder is absent.
 *
 * <p>Stateless and thread-safe.
 */
public final class PeerTestData {
  private PeerTestData() {}

  /** The peer test data root, or {@code null} when it is absent. */
  public static Path rootOrNull() {
    String configured = System.getProperty("leakhound.peerTestData");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : RepoRoot.path().resolveSibling("shared").resolve("peer-testdata");
    return Files.isDirectory(root) ? root.toAbsolutePath().normalize() : null;
  }

  /**
   * A file or folder inside the peer test data; skips the calling test (JUnit assumption) when it
   * is not there.
   */
  public static Path require(String relative) {
    Path root = rootOrNull();
    Path expected =
        root != null
            ? root.resolve(relative)
            : RepoRoot.path().resolveSibling("shared/peer-testdata").resolve(relative);
    assumeTrue(
        root != null && Files.exists(expected),
        () ->
            "peer test data not found at "
                + expected
                + " (it lives in ../shared/peer-testdata beside the repository);"
                + " skipping this test");
    return expected;
  }
}
