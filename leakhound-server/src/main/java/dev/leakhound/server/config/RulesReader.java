package dev.leakhound.server.config;

import dev.leakhound.server.config.ConfigNode.ListNode;
import dev.leakhound.server.config.ConfigNode.MapNode;
import dev.leakhound.server.signal.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code rules} section: leak rules ({@code when: leak | suspect}) and threshold rules
 * ({@code when: heap_inuse_bytes > 1GiB for 5m}); without the section, one leak rule ({@link
 * RuleConfig#defaultLeakRule()}).
 *
 * <p>Stateless and thread-safe.
 */
final class RulesReader {
  private static final Pattern ALERT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern THRESHOLD =
      Pattern.compile(
          "\\s*([a-z_]+)\\s*(>=|<=|==|!=|>|<)\\s*([0-9.]+\\s*[A-Za-z]*)\\s*(?:for\\s+(\\S+))?\\s*");

  private RulesReader() {}

  static List<RuleConfig> read(NodeReader in, MapNode top, List<TargetConfig> targets) {
    ConfigProblems problems = in.problems;
    ConfigNode node = top.get("rules");
    if (node == null) {
      return List.of(RuleConfig.defaultLeakRule());
    }
    List<RuleConfig> out = new ArrayList<>();
    if (!(node instanceof ListNode list)) {
      problems.add(node.line(), "rules", "a list of rules, found " + node.describe());
      return out;
    }
    Set<String> targetNames = new HashSet<>();
    targets.forEach(t -> targetNames.add(t.name()));
    for (int i = 0; i < list.items().size(); i++) {
      String path = "rules[" + i + "]";
      ConfigNode item = list.items().get(i);
      if (!(item instanceof MapNode r)) {
        problems.add(item.line(), path, "a rule (a mapping with name and when)");
        continue;
      }
      in.checkKeys(
          r, Set.of("name", "when", "for", "severity", "targets", "labels", "annotations"), path);
      String name = in.required(r, "name", path);
      if (name != null && !ALERT_NAME.matcher(name).matches()) {
        problems.add(
            r.keyLine("name"),
            path + ".name",
            "an alert name like HeapTooLarge, found '" + name + "'");
      }
      String when = in.required(r, "when", path);
      List<String> ruleTargets = in.stringList(r, "targets", path);
      for (String tn : ruleTargets) {
        if (!targetNames.contains(tn)) {
          problems.add(
              r.keyLine("targets"),
              path + ".targets",
              "the name of a configured target, found '" + tn + "'");
        }
      }
      Map<String, String> labels = in.stringMap(r, "labels", path, true);
      Map<String, String> annotations = in.stringMap(r, "annotations", path, false);
      Duration holdFor = in.duration(r, "for", path, null);
      if (when == null || name == null) {
        continue;
      }
      if (when.equals("leak") || when.equals("suspect")) {
        String severity = in.string(r, "severity", path, "critical");
        out.add(
            new RuleConfig(
                name,
                when,
                null,
                null,
                Double.NaN,
                holdFor,
                severity,
                ruleTargets,
                labels,
                annotations,
                when));
        continue;
      }
      Matcher m = THRESHOLD.matcher(when);
      if (!m.matches()) {
        problems.add(
            r.keyLine("when"),
            path + ".when",
            "'leak', 'suspect' or a condition like 'heap_inuse_bytes > 1GiB for 5m', found '"
                + when
                + "'");
        continue;
      }
      Signal signal = Signal.byId(m.group(1));
      if (signal == null) {
        problems.add(
            r.keyLine("when"),
            path + ".when",
            "a signal (" + Signal.ids() + "), found '" + m.group(1) + "'");
      }
      double threshold = Units.parseQuantity(m.group(3));
      if (Double.isNaN(threshold)) {
        problems.add(
            r.keyLine("when"),
            path + ".when",
            "a number like 1GiB, 512MiB or 10000, found '" + m.group(3).strip() + "'");
      }
      if (m.group(4) != null) {
        Duration inline = Units.parseDuration(m.group(4));
        if (inline == null) {
          problems.add(
              r.keyLine("when"),
              path + ".when",
              "a duration after 'for', found '" + m.group(4) + "'");
        } else if (holdFor != null) {
          problems.add(
              r.keyLine("for"), path + ".for", "'for' in the condition or as a key, not both");
        } else {
          holdFor = inline;
        }
      }
      if (signal == null || Double.isNaN(threshold)) {
        continue;
      }
      String severity = in.string(r, "severity", path, "warning");
      out.add(
          new RuleConfig(
              name,
              null,
              signal,
              m.group(2),
              threshold,
              holdFor,
              severity,
              ruleTargets,
              labels,
              annotations,
              when.strip()));
    }
    return out;
  }
}
