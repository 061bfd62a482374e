package dev.leakhound.server.config;

import java.util.Set;

/**
 * What the configuration loader needs to know about one target kind: its name, the keys it accepts
 * besides the common ones, and how to check them. Implemented by each collector kind ({@code
 * dev.leakhound.server.collect.TargetKind}), so adding a kind never touches the loader.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface TargetKindSpec {
  /** The value of {@code kind:} that selects this kind. */
  String name();

  /** The kind-specific keys a target of this kind may have. */
  Set<String> optionKeys();

  /** True when {@code address} is required for this kind. */
  boolean needsAddress();

  /**
   * Checks a target's address and options; adds every problem to {@code problems} under {@code
   * path} (e.g. {@code targets[2]}).
   */
  void validate(TargetConfig target, String path, ConfigProblems problems);
}
