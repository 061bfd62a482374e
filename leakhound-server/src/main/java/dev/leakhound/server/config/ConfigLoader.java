package dev.leakhound.server.config;

import dev.leakhound.server.config.ConfigNode.ListNode;
import dev.leakhound.server.config.ConfigNode.MapNode;
import dev.leakhound.server.config.ConfigNode.Scalar;
import java.io.IOException;
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
  private final NodeReader in;

  private ConfigLoader(
      String fileName, Path baseDir, Map<String, TargetKindSpec> kinds, Map<String, String> env) {
    this.fileName = fileName;
    this.baseDir = baseDir;
    this.kinds = kinds;
    this.env = env;
    this.problems = new ConfigProblems(fileName);
    this.in = new NodeReader(problems, env);
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
    in.checkKeys(top, TOP_KEYS, "");
    Path dataDir = baseDir.resolve(in.string(top, "dataDir", "", "./leakhound-data")).normalize();
    HostPort listen = listen(top);
    String token = token(top);
    String externalUrl = in.string(top, "externalUrl", "", null);
    if (externalUrl == null && listen != null) {
      externalUrl = "http://" + listen;
    }

    MapNode evalNode =
        in.section(
            top,
            "evaluation",
            Set.of(
                "interval",
                "window",
                "resolveWindow",
                "warmUp",
                "minimumSpan",
                "minimumLeak",
                "plateauWindow",
                "minimumGrowth"));
    WatchConfig.Evaluation evaluation =
        new WatchConfig.Evaluation(
            in.duration(evalNode, "interval", "evaluation", Duration.ofMinutes(1)),
            in.duration(evalNode, "window", "evaluation", Duration.ofHours(6)),
            in.duration(evalNode, "resolveWindow", "evaluation", Duration.ofMinutes(30)),
            in.duration(evalNode, "warmUp", "evaluation", null),
            in.duration(evalNode, "minimumSpan", "evaluation", null),
            in.duration(evalNode, "minimumLeak", "evaluation", null),
            in.duration(evalNode, "plateauWindow", "evaluation", null),
            minimumGrowth(evalNode));
    MapNode capNode = in.section(top, "capture", Set.of("baselineInterval", "baselinesKept"));
    WatchConfig.Capture capture =
        new WatchConfig.Capture(
            in.duration(capNode, "baselineInterval", "capture", Duration.ofMinutes(15)),
            (int) in.count(capNode, "baselinesKept", "capture", 4, 1, 100));
    MapNode retNode =
        in.section(top, "retention", Set.of("raw", "downsampled", "reports", "profiles"));
    WatchConfig.Retention retention =
        new WatchConfig.Retention(
            in.duration(retNode, "raw", "retention", Duration.ofDays(2)),
            in.duration(retNode, "downsampled", "retention", Duration.ofDays(30)),
            in.duration(retNode, "reports", "retention", Duration.ofDays(90)),
            in.duration(retNode, "profiles", "retention", Duration.ofDays(14)));

    MapNode defaults =
        in.section(
            top, "defaults", Set.of("interval", "timeout", "maxBodySize", "maxDecompressedSize"));
    Defaults d =
        new Defaults(
            in.duration(defaults, "interval", "defaults", DEFAULT_INTERVAL),
            in.duration(defaults, "timeout", "defaults", DEFAULT_TIMEOUT),
            in.bytes(defaults, "maxBodySize", "defaults", DEFAULT_MAX_BODY),
            in.bytes(defaults, "maxDecompressedSize", "defaults", DEFAULT_MAX_DECOMPRESSED));

    List<TargetConfig> targets = targets(top, d);
    List<RuleConfig> rules = RulesReader.read(in, top, targets);
    List<ReceiverConfig> receivers = ReceiversReader.read(in, top);
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

  private WatchConfig.MinimumGrowth minimumGrowth(MapNode evaluation) {
    ConfigNode n = evaluation.get("minimumGrowth");
    if (n == null) {
      return WatchConfig.MinimumGrowth.DEFAULTS;
    }
    String p = "evaluation.minimumGrowth";
    if (!(n instanceof MapNode m)) {
      problems.add(n.line(), p, "a mapping like {bytes: 1MiB, goroutines: 600}");
      return WatchConfig.MinimumGrowth.DEFAULTS;
    }
    in.checkKeys(m, Set.of("bytes", "goroutines", "openFds", "threads"), p);
    return new WatchConfig.MinimumGrowth(
        in.quantity(m, "bytes", p),
        in.quantity(m, "goroutines", p),
        in.quantity(m, "openFds", p),
        in.quantity(m, "threads", p));
  }

  private record Defaults(
      Duration interval, Duration timeout, long maxBody, long maxDecompressed) {}

  private HostPort listen(MapNode top) {
    String text = in.string(top, "listen", "", "127.0.0.1:9464");
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
    String token = in.string(top, "token", "", null);
    String tokenFile = in.string(top, "tokenFile", "", null);
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
    String name = in.required(t, "name", path);
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
    String kindName = in.required(t, "kind", path);
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
    in.checkKeys(t, allowed, path);
    String address = in.string(t, "address", path, null);
    if (kind != null && kind.needsAddress() && address == null) {
      problems.add(t.line(), path + ".address", "an address for a " + kind.name() + " target");
    }
    Duration interval = in.duration(t, "interval", path, d.interval());
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      problems.add(t.keyLine("interval"), path + ".interval", "an interval of at least 100ms");
      interval = d.interval();
    }
    Duration timeout =
        in.duration(
            t, "timeout", path, d.timeout().compareTo(interval) > 0 ? interval : d.timeout());
    if (t.get("timeout") != null && timeout.compareTo(interval) > 0) {
      problems.add(
          t.keyLine("timeout"),
          path + ".timeout",
          "a timeout no longer than the interval (" + Units.formatDuration(interval) + ")");
    }
    Limits limits = limits(t, path);
    long maxBody = in.bytes(t, "maxBodySize", path, d.maxBody());
    long maxDecompressed = in.bytes(t, "maxDecompressedSize", path, d.maxDecompressed());
    Map<String, String> labels = in.stringMap(t, "labels", path, true);
    Map<String, String> optionValues = new LinkedHashMap<>();
    Map<String, Integer> optionLines = new LinkedHashMap<>();
    if (kind != null) {
      for (String key : kind.optionKeys()) {
        ConfigNode n = t.get(key);
        if (n instanceof Scalar s && s.kind() != Scalar.Kind.NULL) {
          optionValues.put(key, in.expand(s.text(), s.line(), path + "." + key));
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
    in.checkKeys(m, Set.of("memory", "goroutines", "openFds", "threads"), p);
    return new Limits(
        in.quantity(m, "memory", p),
        in.quantity(m, "goroutines", p),
        in.quantity(m, "openFds", p),
        in.quantity(m, "threads", p));
  }
}
