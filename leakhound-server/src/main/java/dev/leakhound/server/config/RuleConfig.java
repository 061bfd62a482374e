package dev.leakhound.server.config;

import dev.leakhound.server.signal.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An alerting rule: either a leak rule ({@code when: leak} or {@code when: suspect}: fires while
 * the verdict engine says so for any judged signal of a target) or a threshold rule ({@code when:
 * heap_inuse_bytes > 1GiB for 5m}).
 *
 * <p>Immutable.
 *
 * @param name the alert name ({@code alertname} label)
 * @param leakLevel for leak rules, {@code leak} or {@code suspect}; null for threshold rules
 * @param signal for threshold rules, the signal compared
 * @param op for threshold rules, one of {@code > >= < <= == !=}
 * @param threshold for threshold rules, the value compared against
 * @param holdFor how long the condition must hold before the alert fires
 * @param severity the {@code severity} label
 * @param targets the target names the rule applies to; empty for all
 * @param labels extra labels
 * @param annotations extra annotations
 * @param text the condition as written, for messages
 */
public record RuleConfig(
    String name,
    String leakLevel,
    Signal signal,
    String op,
    double threshold,
    Duration holdFor,
    String severity,
    List<String> targets,
    Map<String, String> labels,
    Map<String, String> annotations,
    String text) {
  public RuleConfig {
    targets = List.copyOf(targets);
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    holdFor = holdFor == null ? Duration.ZERO : holdFor;
  }

  public boolean isLeakRule() {
    return leakLevel != null;
  }

  /** True when the rule covers {@code target}. */
  public boolean appliesTo(String target) {
    return targets.isEmpty() || targets.contains(target);
  }

  /** Whether {@code value} meets the threshold condition. */
  public boolean holds(double value) {
    return switch (op) {
      case ">" -> value > threshold;
      case ">=" -> value >= threshold;
      case "<" -> value < threshold;
      case "<=" -> value <= threshold;
      case "==" -> value == threshold;
      case "!=" -> value != threshold;
      default -> false;
    };
  }

  /** The rule every configuration gets when it declares none: alert on a confirmed leak. */
  public static RuleConfig defaultLeakRule() {
    return new RuleConfig(
        "MemoryLeak",
        "leak",
        null,
        null,
        Double.NaN,
        Duration.ZERO,
        "critical",
        List.of(),
        Map.of(),
        Map.of(),
        "leak");
  }
}
