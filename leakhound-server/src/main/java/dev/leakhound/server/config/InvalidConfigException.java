package dev.leakhound.server.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration file has problems; {@link #problems()} lists all of them, one per line of the
 * message, each with its file and line. Nothing has been started when this is thrown.
 *
 * <p>Immutable.
 */
public final class InvalidConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public InvalidConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
