package dev.leakhound.server.config;

/**
 * One thing wrong with a configuration file: where (line and key path) and what was expected.
 *
 * <p>Immutable.
 *
 * @param file the file name as given
 * @param line the 1-based line
 * @param path the key path, e.g. {@code targets[0].interval}; empty for the whole file
 * @param expected what should have been there, e.g. "a duration like 15s or 1m, found '15'"
 */
public record ConfigProblem(String file, int line, String path, String expected) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + "expected " + expected;
  }
}
