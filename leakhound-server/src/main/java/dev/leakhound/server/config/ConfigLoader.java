package dev.leakhound.server.config;

import dev.leakhound.server.config.ConfigNode.ListNode;
import dev.leakhound.server.config.ConfigNode.MapNode;
import dev.leakhound.server.config.ConfigNode.Scalar;
import dev.leakhound.server.signal.Signal;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the YAML configuration of the watch service. Every problem in the file is
 * collected (unknown keys with a suggestion, wrong types, bad durations and sizes, duplicate names,
 * unknown signals in rules...) and reported together, each with its line, before anything starts.
 * Defaults fill everything left out, so the five-line file in README works as written.
 *
 * <p>Relative paths ({@code dataDir}, {@code tokenFile}) are resolved against the directory of the
 * configuration file. {@code ${NAME}} in any string is replaced by the environment variable NAME.
 *
 * <p>Stateless and thread-safe; each call keeps its state in a private instance.
 */
public final class ConfigLoader {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final long DEFAULT_MAX_BODY = 16L << 20;
  static final long DEFAULT_MAX_DECOMPRESSED = 64L << 20;
  private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern ALERT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern THRESHOLD =
      Pattern.compile(
          "\\s*([a-z_]+)\\s*(>=|<=|==|!=|>|<)\\s*([0-9.]+\\s*[A-Za-z]*)\\s*(?:for\\s+(\\S+))?\\s*");

  private static final Set<String> TOP_KEYS =
      Set.of(
          "dataDir",
          "listen",
          "token",
          "tokenFile",
          "externalUrl",
          "evaluation",
          "capture",
          "retention",
          "defaults",
          "targets",
          "rules",
          "receivers");
  private static final Set<String> TARGET_KEYS =
      Set.of(
          "name",
          "kind",
          "address",
          "labels",
          "interval",
          "timeout",
          "limits",
          "maxBodySize",
          "maxDecompressedSize");

  private final String fileName;
  private final Path baseDir;
  private final Map<String, TargetKindSpec> kinds;
  private final Map<String, String> env;
  private final ConfigProblems problems;

  private ConfigLoader(
      String fileName, Path baseDir, Map<String, TargetKindSpec> kinds, Map<String, String> env) {
    this.fileName = fileName;
    this.baseDir = baseDir;
    this.kinds = kinds;
    this.env = env;
    this.problems = new ConfigProblems(fileName);
  }

  /**
   * Loads {@code file}. Throws {@link java.nio.file.NoSuchFileException} when it does not exist and
   * {@link InvalidConfigException} listing every problem when it is not valid.
   */
  public static WatchConfig load(Path file, Map<String, TargetKindSpec> kinds)
      throws IOException, InvalidConfigException {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    return parse(file.toString(), yaml, dir, kinds, System.getenv());
  }

  /** Parses {@code yaml} as if read from {@code fileName} in {@code baseDir}. */
  public static WatchConfig parse(
      String fileName,
      String yaml,
      Path baseDir,
      Map<String, TargetKindSpec> kinds,
      Map<String, String> env)
      throws InvalidConfigException {
    ConfigLoader loader = new ConfigLoader(fileName, baseDir, kinds, env);
    WatchConfig config = loader.build(YamlTree.read(yaml, loader.problems));
    loader.problems.throwIfAny();
    return config;
  }

  private WatchConfig build(ConfigNode root) {
    if (root == null) {
      if (problems.isEmpty()) {
        problems.add(1, "", "a mapping with at least 'targets' (the file is empty)");
      }
      return null;
    }
    if (!(root instanceof MapNode top)) {
      problems.add(root.line(), "", "a mapping of settings, found " + root.describe());
      return null;
    }
    checkKeys(top, TOP_KEYS, "");
    Path dataDir = baseDir.resolve(string(top, "dataDir", "", "./leakhound-data")).normalize();
    HostPort listen = listen(top);
    String token = token(top);
    String externalUrl = string(top, "externalUrl", "", null);
    if (externalUrl == null && listen != null) {
      externalUrl = "http://" + listen;
    }

    MapNode evalNode =
        section(
            top,
            "evaluation",
            Set.of(
                "interval",
                "window",
                "resolveWindow",
                "warmUp",
                "minimumSpan",
                "minimumLeak",
                "plateauWindow"));
    WatchConfig.Evaluation evaluation =
        new WatchConfig.Evaluation(
            duration(evalNode, "interval", "evaluation", Duration.ofMinutes(1)),
            duration(evalNode, "window", "evaluation", Duration.ofHours(6)),
            duration(evalNode, "resolveWindow", "evaluation", Duration.ofMinutes(30)),
            duration(evalNode, "warmUp", "evaluation", null),
            duration(evalNode, "minimumSpan", "evaluation", null),
            duration(evalNode, "minimumLeak", "evaluation", null),
            duration(evalNode, "plateauWindow", "evaluation", null));
    MapNode capNode = section(top, "capture", Set.of("baselineInterval", "baselinesKept"));
    WatchConfig.Capture capture =
        new WatchConfig.Capture(
            duration(capNode, "baselineInterval", "capture", Duration.ofMinutes(15)),
            (int) count(capNode, "baselinesKept", "capture", 4, 1, 100));
    MapNode retNode =
        section(top, "retention", Set.of("raw", "downsampled", "reports", "profiles"));
    WatchConfig.Retention retention =
        new WatchConfig.Retention(
            duration(retNode, "raw", "retention", Duration.ofDays(2)),
            duration(retNode, "downsampled", "retention", Duration.ofDays(30)),
            duration(retNode, "reports", "retention", Duration.ofDays(90)),
            duration(retNode, "profiles", "retention", Duration.ofDays(14)));

    MapNode defaults =
        section(
            top, "defaults", Set.of("interval", "timeout", "maxBodySize", "maxDecompressedSize"));
    Defaults d =
        new Defaults(
            duration(defaults, "interval", "defaults", DEFAULT_INTERVAL),
            duration(defaults, "timeout", "defaults", DEFAULT_TIMEOUT),
            bytes(defaults, "maxBodySize", "defaults", DEFAULT_MAX_BODY),
            bytes(defaults, "maxDecompressedSize", "defaults", DEFAULT_MAX_DECOMPRESSED));

    List<TargetConfig> targets = targets(top, d);
    List<RuleConfig> rules = rules(top, targets);
    List<ReceiverConfig> receivers = receivers(top);
    if (!problems.isEmpty()) {
      return null;
    }
    return new WatchConfig(
        Path.of(fileName),
        dataDir,
        listen,
        token,
        externalUrl,
        evaluation,
        capture,
        retention,
        targets,
        rules,
        receivers);
  }

  private record Defaults(
      Duration interval, Duration timeout, long maxBody, long maxDecompressed) {}

  private HostPort listen(MapNode top) {
    String text = string(top, "listen", "", "127.0.0.1:9464");
    if (text == null) {
      return null;
    }
    HostPort hp = HostPort.parse(text);
    if (hp == null) {
      problems.add(
          top.keyLine("listen"), "listen", "host:port like 127.0.0.1:9464, found '" + text + "'");
    }
    return hp;
  }

  private String token(MapNode top) {
    String token = string(top, "token", "", null);
    String tokenFile = string(top, "tokenFile", "", null);
    if (token != null && tokenFile != null) {
      problems.add(top.keyLine("tokenFile"), "tokenFile", "either token or tokenFile, not both");
      return null;
    }
    if (tokenFile != null) {
      Path p = baseDir.resolve(tokenFile);
      try {
        token = Files.readString(p, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        problems.add(top.keyLine("tokenFile"), "tokenFile", "a readable file, found " + p);
        return null;
      }
    }
    if (token != null && token.length() < 16) {
      problems.add(
          top.keyLine(tokenFile != null ? "tokenFile" : "token"),
          "token",
          "a token of at least 16 characters (it guards heap profiles), found " + token.length());
    }
    return token;
  }

  // ---------------------------------------------------------------- targets

  private List<TargetConfig> targets(MapNode top, Defaults d) {
    List<TargetConfig> out = new ArrayList<>();
    ConfigNode node = top.get("targets");
    if (node == null) {
      problems.add(top.line(), "targets", "a list of targets to watch (none is configured)");
      return out;
    }
    if (!(node instanceof ListNode list)) {
      problems.add(node.line(), "targets", "a list of targets, found " + node.describe());
      return out;
    }
    if (list.items().isEmpty()) {
      problems.add(node.line(), "targets", "at least one target");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = "targets[" + i + "]";
      ConfigNode item = list.items().get(i);
      if (!(item instanceof MapNode t)) {
        problems.add(item.line(), path, "a target (a mapping with name, kind, address)");
        continue;
      }
      TargetConfig target = target(t, path, d, names);
      if (target != null) {
        out.add(target);
      }
    }
    return out;
  }

  private TargetConfig target(MapNode t, String path, Defaults d, Set<String> names) {
    String name = required(t, "name", path);
    if (name != null) {
      if (!NAME.matcher(name).matches()) {
        problems.add(
            t.keyLine("name"),
            path + ".name",
            "a name of letters, digits, '_', '.' and '-', found '" + name + "'");
      } else if (!names.add(name)) {
        problems.add(
            t.keyLine("name"), path + ".name", "a unique name, found '" + name + "' again");
      }
    }
    String kindName = required(t, "kind", path);
    TargetKindSpec kind = null;
    if (kindName != null) {
      kind = kinds.get(kindName);
      if (kind == null) {
        problems.add(
            t.keyLine("kind"),
            path + ".kind",
            "one of "
                + String.join(", ", kinds.keySet().stream().sorted().toList())
                + ", found '"
                + kindName
                + "'");
      }
    }
    Set<String> allowed = new HashSet<>(TARGET_KEYS);
    if (kind != null) {
      allowed.addAll(kind.optionKeys());
    }
    checkKeys(t, allowed, path);
    String address = string(t, "address", path, null);
    if (kind != null && kind.needsAddress() && address == null) {
      problems.add(t.line(), path + ".address", "an address for a " + kind.name() + " target");
    }
    Duration interval = duration(t, "interval", path, d.interval());
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      problems.add(t.keyLine("interval"), path + ".interval", "an interval of at least 100ms");
      interval = d.interval();
    }
    Duration timeout =
        duration(t, "timeout", path, d.timeout().compareTo(interval) > 0 ? interval : d.timeout());
    if (t.get("timeout") != null && timeout.compareTo(interval) > 0) {
      problems.add(
          t.keyLine("timeout"),
          path + ".timeout",
          "a timeout no longer than the interval (" + Units.formatDuration(interval) + ")");
    }
    Limits limits = limits(t, path);
    long maxBody = bytes(t, "maxBodySize", path, d.maxBody());
    long maxDecompressed = bytes(t, "maxDecompressedSize", path, d.maxDecompressed());
    Map<String, String> labels = stringMap(t, "labels", path, true);
    Map<String, String> optionValues = new LinkedHashMap<>();
    Map<String, Integer> optionLines = new LinkedHashMap<>();
    if (kind != null) {
      for (String key : kind.optionKeys()) {
        ConfigNode n = t.get(key);
        if (n instanceof Scalar s && s.kind() != Scalar.Kind.NULL) {
          optionValues.put(key, expand(s.text(), s.line(), path + "." + key));
          optionLines.put(key, t.keyLine(key));
        } else if (n != null) {
          problems.add(n.line(), path + "." + key, "a single value, found " + n.describe());
        }
      }
    }
    if (name == null || kind == null) {
      return null;
    }
    TargetConfig target =
        new TargetConfig(
            name,
            kindName,
            labels,
            address,
            interval,
            timeout,
            limits,
            maxBody,
            maxDecompressed,
            new TargetOptions(optionValues, optionLines),
            t.line());
    kind.validate(target, path, problems);
    return target;
  }

  private Limits limits(MapNode t, String path) {
    ConfigNode n = t.get("limits");
    if (n == null) {
      return Limits.NONE;
    }
    String p = path + ".limits";
    if (!(n instanceof MapNode m)) {
      problems.add(n.line(), p, "a mapping like {memory: 2GiB, goroutines: 10000}");
      return Limits.NONE;
    }
    checkKeys(m, Set.of("memory", "goroutines", "openFds", "threads"), p);
    return new Limits(
        quantity(m, "memory", p),
        quantity(m, "goroutines", p),
        quantity(m, "openFds", p),
        quantity(m, "threads", p));
  }

  // ---------------------------------------------------------------- rules

  private List<RuleConfig> rules(MapNode top, List<TargetConfig> targets) {
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
      checkKeys(
          r, Set.of("name", "when", "for", "severity", "targets", "labels", "annotations"), path);
      String name = required(r, "name", path);
      if (name != null && !ALERT_NAME.matcher(name).matches()) {
        problems.add(
            r.keyLine("name"),
            path + ".name",
            "an alert name like HeapTooLarge, found '" + name + "'");
      }
      String when = required(r, "when", path);
      List<String> ruleTargets = stringList(r, "targets", path);
      for (String tn : ruleTargets) {
        if (!targetNames.contains(tn)) {
          problems.add(
              r.keyLine("targets"),
              path + ".targets",
              "the name of a configured target, found '" + tn + "'");
        }
      }
      Map<String, String> labels = stringMap(r, "labels", path, true);
      Map<String, String> annotations = stringMap(r, "annotations", path, false);
      Duration holdFor = duration(r, "for", path, null);
      if (when == null || name == null) {
        continue;
      }
      if (when.equals("leak") || when.equals("suspect")) {
        String severity = string(r, "severity", path, "critical");
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
      String severity = string(r, "severity", path, "warning");
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

  // ---------------------------------------------------------------- receivers

  private List<ReceiverConfig> receivers(MapNode top) {
    ConfigNode node = top.get("receivers");
    List<ReceiverConfig> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof ListNode list)) {
      problems.add(node.line(), "receivers", "a list of receivers, found " + node.describe());
      return out;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = "receivers[" + i + "]";
      ConfigNode item = list.items().get(i);
      if (!(item instanceof MapNode r)) {
        problems.add(item.line(), path, "a receiver (a mapping with name, kind, url)");
        continue;
      }
      checkKeys(
          r,
          Set.of("name", "kind", "url", "headers", "resendInterval", "giveUpAfter", "timeout"),
          path);
      String name = required(r, "name", path);
      if (name != null && !names.add(name)) {
        problems.add(
            r.keyLine("name"), path + ".name", "a unique name, found '" + name + "' again");
      }
      String kind = required(r, "kind", path);
      if (kind != null
          && !kind.equals(ReceiverConfig.ALERTMANAGER)
          && !kind.equals(ReceiverConfig.WEBHOOK)) {
        problems.add(
            r.keyLine("kind"), path + ".kind", "alertmanager or webhook, found '" + kind + "'");
        kind = null;
      }
      URI url = url(r, path);
      Map<String, String> headers = stringMap(r, "headers", path, false);
      Duration resend = duration(r, "resendInterval", path, Duration.ofMinutes(1));
      Duration giveUp = duration(r, "giveUpAfter", path, Duration.ofHours(24));
      Duration timeout = duration(r, "timeout", path, Duration.ofSeconds(10));
      if (name != null && kind != null && url != null) {
        out.add(new ReceiverConfig(name, kind, url, headers, resend, giveUp, timeout));
      }
    }
    return out;
  }

  private URI url(MapNode r, String path) {
    String text = required(r, "url", path);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not http");
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(
          r.keyLine("url"), path + ".url", "an http:// or https:// URL, found '" + text + "'");
      return null;
    }
  }

  // ---------------------------------------------------------------- helpers

  private MapNode section(MapNode top, String key, Set<String> keys) {
    ConfigNode n = top.get(key);
    if (n == null) {
      return new MapNode(top.keyLine(key), Map.of(), Map.of());
    }
    if (!(n instanceof MapNode m)) {
      problems.add(n.line(), key, "a mapping, found " + n.describe());
      return new MapNode(n.line(), Map.of(), Map.of());
    }
    checkKeys(m, keys, key);
    return m;
  }

  private void checkKeys(MapNode m, Set<String> allowed, String path) {
    for (String key : m.entries().keySet()) {
      if (!allowed.contains(key)) {
        String suggestion = Suggest.closest(key, allowed);
        problems.add(
            m.keyLine(key),
            path.isEmpty() ? key : path + "." + key,
            (suggestion != null
                    ? "'" + suggestion + "' (a known key)"
                    : "one of " + String.join(", ", allowed.stream().sorted().toList()))
                + ", found unknown key '"
                + key
                + "'");
      }
    }
  }

  private String required(MapNode m, String key, String path) {
    String v = string(m, key, path, null);
    if (v == null && !(m.get(key) instanceof MapNode) && !(m.get(key) instanceof ListNode)) {
      problems.add(m.line(), join(path, key), "'" + key + "' (it is required)");
    }
    return v;
  }

  private String string(MapNode m, String key, String path, String fallback) {
    ConfigNode n = m.get(key);
    if (n == null || n instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
      return fallback;
    }
    if (!(n instanceof Scalar s)) {
      problems.add(n.line(), join(path, key), "a single value, found " + n.describe());
      return null;
    }
    return expand(s.text(), s.line(), join(path, key));
  }

  private String expand(String text, int line, String path) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = ENV.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null) {
        problems.add(line, path, "environment variable " + m.group(1) + " to be set");
        value = "";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private Duration duration(MapNode m, String key, String path, Duration fallback) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return fallback;
    }
    Duration d =
        n instanceof Scalar s && s.kind() == Scalar.Kind.STRING
            ? Units.parseDuration(s.text())
            : null;
    if (d == null) {
      problems.add(
          n.line(),
          join(path, key),
          "a duration like 15s, 1m or 2h30m"
              + (n instanceof Scalar s && s.kind() == Scalar.Kind.NUMBER
                  ? " (a number needs a unit)"
                  : "")
              + ", found "
              + n.describe());
      return fallback == null ? Duration.ZERO : fallback;
    }
    return d;
  }

  private long bytes(MapNode m, String key, String path, long fallback) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return fallback;
    }
    long v = n instanceof Scalar s ? Units.parseBytes(s.text()) : -1;
    if (v <= 0) {
      problems.add(n.line(), join(path, key), "a size like 16MiB or 1GiB, found " + n.describe());
      return fallback;
    }
    return v;
  }

  private double quantity(MapNode m, String key, String path) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return Double.NaN;
    }
    double v = n instanceof Scalar s ? Units.parseQuantity(s.text()) : Double.NaN;
    if (Double.isNaN(v) || v <= 0) {
      problems.add(
          n.line(), join(path, key), "a positive number like 2GiB or 10000, found " + n.describe());
      return Double.NaN;
    }
    return v;
  }

  private long count(MapNode m, String key, String path, long fallback, long min, long max) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return fallback;
    }
    try {
      long v = Long.parseLong(((Scalar) n).text());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    problems.add(
        n.line(),
        join(path, key),
        "a whole number from " + min + " to " + max + ", found " + n.describe());
    return fallback;
  }

  private Map<String, String> stringMap(MapNode m, String key, String path, boolean labelNames) {
    ConfigNode n = m.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    if (!(n instanceof MapNode map)) {
      problems.add(
          n.line(), join(path, key), "a mapping of names to values, found " + n.describe());
      return out;
    }
    for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
      String p = join(path, key) + "." + e.getKey();
      if (labelNames && !LABEL_NAME.matcher(e.getKey()).matches()) {
        problems.add(map.keyLine(e.getKey()), p, "a label name of letters, digits and '_'");
      }
      if (e.getValue() instanceof Scalar s) {
        out.put(e.getKey(), expand(s.text(), s.line(), p));
      } else {
        problems.add(e.getValue().line(), p, "a single value, found " + e.getValue().describe());
      }
    }
    return out;
  }

  private List<String> stringList(MapNode m, String key, String path) {
    ConfigNode n = m.get(key);
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n instanceof Scalar s) {
      out.add(s.text());
      return out;
    }
    if (!(n instanceof ListNode list)) {
      problems.add(n.line(), join(path, key), "a list of names, found " + n.describe());
      return out;
    }
    for (ConfigNode item : list.items()) {
      if (item instanceof Scalar s) {
        out.add(s.text());
      } else {
        problems.add(item.line(), join(path, key), "a name, found " + item.describe());
      }
    }
    return out;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
