package dev.leakhound.server.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found in a configuration file, so the user fixes them all in one go
 * instead of one per run.
 *
 * <p>Not thread-safe: one per load.
 */
public final class ConfigProblems {
  private final String file;
  private final List<ConfigProblem> problems = new ArrayList<>();

  public ConfigProblems(String file) {
    this.file = file;
  }

  /** Adds a problem at {@code line} under {@code path}: "expected {@code expected}". */
  public void add(int line, String path, String expected) {
    problems.add(new ConfigProblem(file, line, path, expected));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The problems in line order. */
  public List<ConfigProblem> list() {
    return problems.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
  }

  /** Throws {@link InvalidConfigException} when any problem was found. */
  public void throwIfAny() throws InvalidConfigException {
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(list());
    }
  }
}
