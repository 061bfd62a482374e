package dev.leakhound.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file assertions: the expected output lives beside the input as {@code name.golden.txt} (or
 * any name the test chooses). Run the tests with {@code -Dgolden.update=true} to rewrite the files
 * from the current output, then review the change with {@code git diff}. A mismatch fails with a
 * line diff.
 *
 * <p>Stateless and thread-safe.
 */
public final class Golden {
  private Golden() {}

  /** True when the build asked to rewrite golden files instead of checking them. */
  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /**
   * Asserts that {@code actual} equals the content of {@code golden} (a path relative to the
   * repository root, or absolute), or rewrites it when updating.
   */
  public static void assertMatches(String actual, Path golden) {
    Path file = golden.isAbsolute() ? golden : RepoRoot.path().resolve(golden);
    try {
      if (updating()) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -Dgolden.update=true to create it", file)
          .exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        throw new AssertionError(
            "output differs from golden file "
                + file
                + " (run with -Dgolden.update=true to accept it):\n"
                + LineDiff.unified(expected, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Same as {@link #assertMatches(String, Path)} with a path relative to the repository root. */
  public static void assertMatches(String actual, String golden) {
    assertMatches(actual, Path.of(golden));
  }

  /** A small line diff for failure messages: enough to see what changed, not a patch tool. */
  static final class LineDiff {
    private static final int MAX_LINES = 80;

    private LineDiff() {}

    static String unified(String expected, String actual) {
      List<String> a = expected.lines().toList();
      List<String> b = actual.lines().toList();
      if ((long) a.size() * b.size() > 4_000_000L) {
        return firstDifference(a, b);
      }
      int[][] lcs = new int[a.size() + 1][b.size() + 1];
      for (int i = a.size() - 1; i >= 0; i--) {
        for (int j = b.size() - 1; j >= 0; j--) {
          lcs[i][j] =
              a.get(i).equals(b.get(j))
                  ? lcs[i + 1][j + 1] + 1
                  : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      StringBuilder out = new StringBuilder();
      int i = 0;
      int j = 0;
      int written = 0;
      while ((i < a.size() || j < b.size()) && written < MAX_LINES) {
        if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
          i++;
          j++;
          continue;
        }
        if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
          out.append("+").append(j + 1).append(": ").append(b.get(j++)).append('\n');
        } else {
          out.append("-").append(i + 1).append(": ").append(a.get(i++)).append('\n');
        }
        written++;
      }
      if (written == MAX_LINES) {
        out.append("... (diff cut at ").append(MAX_LINES).append(" lines)\n");
      }
      if (written == 0) {
        out.append("(the texts differ only in line endings or a trailing newline)\n");
      }
      return out.toString();
    }

    private static String firstDifference(List<String> a, List<String> b) {
      int i = 0;
      while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
        i++;
      }
      return "first difference on line "
          + (i + 1)
          + ":\n-"
          + (i < a.size() ? a.get(i) : "(end of file)")
          + "\n+"
          + (i < b.size() ? b.get(i) : "(end of file)")
          + "\n";
    }
  }
}
