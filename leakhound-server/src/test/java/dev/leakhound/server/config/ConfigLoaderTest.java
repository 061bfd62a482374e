package dev.leakhound.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.server.collect.CollectorRegistry;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Path BASE = Path.of("/srv/leakhound");

  @Test
  void theMinimalFileOfTheIssueWorksAsWritten() throws Exception {
    WatchConfig c =
        parse(
            """
            dataDir: ./leakhound-data
            listen: 127.0.0.1:9464
            targets:
              - name: shop
                kind: go
                address: http://127.0.0.1:8080
                interval: 15s
            """);

    assertThat(c.dataDir()).isEqualTo(Path.of("/srv/leakhound/leakhound-data"));
    assertThat(c.listen()).isEqualTo(new HostPort("127.0.0.1", 9464));
    assertThat(c.token()).isNull();
    assertThat(c.externalUrl()).isEqualTo("http://127.0.0.1:9464");
    TargetConfig t = c.targets().get(0);
    assertThat(t.name()).isEqualTo("shop");
    assertThat(t.kind()).isEqualTo("go");
    assertThat(t.interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(t.maxBodyBytes()).isEqualTo(16L << 20);
    assertThat(t.maxDecompressedBytes()).isEqualTo(64L << 20);
    assertThat(c.rules()).containsExactly(RuleConfig.defaultLeakRule());
    assertThat(c.receivers()).isEmpty();
    assertThat(c.evaluation().interval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void onlyTargetsAreRequired() throws Exception {
    WatchConfig c = parse("targets: [{name: w, kind: process, pid: 1}]\n");

    assertThat(c.listen()).isEqualTo(new HostPort("127.0.0.1", 9464));
    assertThat(c.dataDir()).isEqualTo(Path.of("/srv/leakhound/leakhound-data"));
    assertThat(c.targets().get(0).options().get("pid")).isEqualTo("1");
  }

  @Test
  void theCommentedExampleInTheRepositoryIsValid() throws Exception {
    Path file = RepoRoot.resolve("examples/leakhound.yaml");
    WatchConfig c =
        ConfigLoader.parse(
            file.toString(),
            Files.readString(file),
            file.getParent(),
            CollectorRegistry.standard().specs(),
            Map.of("CHAT_HOOK_TOKEN", "s3cret"));

    assertThat(c.targets()).extracting(TargetConfig::name).containsExactly("shop", "api", "worker");
    assertThat(c.targets().get(0).limits().memoryBytes()).isEqualTo(2.0 * (1L << 30));
    assertThat(c.targets().get(0).labels()).containsEntry("team", "payments");
    RuleConfig heap = c.rules().get(1);
    assertThat(heap.signal()).isEqualTo(Signal.HEAP_INUSE);
    assertThat(heap.op()).isEqualTo(">");
    assertThat(heap.threshold()).isEqualTo(1L << 30);
    assertThat(heap.holdFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(heap.targets()).containsExactly("shop");
    assertThat(c.receivers().get(1).headers()).containsEntry("Authorization", "Bearer s3cret");
    assertThat(c.receivers().get(0).resendInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.evaluation().warmUp()).isNull();
    assertThat(c.evaluation().minimumGrowth()).isEqualTo(WatchConfig.MinimumGrowth.DEFAULTS);
  }

  @Test
  void everyProblemIsReportedWithItsLineBeforeAnythingStarts() {
    String yaml =
        """
        dataDir: ./data
        listen: localhost
        evaluaton:
          interval: 1m
        targets:
          - name: shop
            kind: go
            address: http://127.0.0.1:8080/metrics
            interval: 15
          - name: shop
            kind: jvm
          - name: db
            kind: process
          - name: proxy
            kind: prometheus
            address: ftp://x
            timeout: 1m
            labels: {bad-label: x}
        rules:
          - name: TooBig
            when: heap_size > 1GiB for 5m
          - name: Fds
            when: open_fds >= lots
            targets: [nowhere]
        receivers:
          - name: am
            kind: pagerduty
            url: http://127.0.0.1:9093
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            """
            leakhound.yaml:2: listen: expected host:port like 127.0.0.1:9464, found 'localhost'
            leakhound.yaml:3: evaluaton: expected 'evaluation' (a known key), found unknown key 'evaluaton'
            leakhound.yaml:6: targets[0].address: expected the service's base URL, not an endpoint (like http://127.0.0.1:8080), found 'http://127.0.0.1:8080/metrics'; set metricsPath or pprofPath for other paths
            leakhound.yaml:9: targets[0].interval: expected a duration like 15s, 1m or 2h30m (a number needs a unit), found '15'
            leakhound.yaml:10: targets[1].name: expected a unique name, found 'shop' again
            leakhound.yaml:11: targets[1].kind: expected one of go, process, prometheus, found 'jvm'
            leakhound.yaml:12: targets[2]: expected exactly one of 'pid' or 'match' for a process target
            leakhound.yaml:14: targets[3].address: expected an http:// or https:// URL, found 'ftp://x'
            leakhound.yaml:17: targets[3].timeout: expected a timeout no longer than the interval (15s)
            leakhound.yaml:18: targets[3].labels.bad-label: expected a label name of letters, digits and '_'
            leakhound.yaml:21: rules[0].when: expected a signal (heap_floor_bytes, heap_inuse_bytes, heap_alloc_bytes, heap_goal_bytes, goroutines, threads, rss_bytes, open_fds, gc_cycles, memory_limit_bytes, start_time_seconds, requests_total), found 'heap_size'
            leakhound.yaml:23: rules[1].when: expected 'leak', 'suspect' or a condition like 'heap_inuse_bytes > 1GiB for 5m', found 'open_fds >= lots'
            leakhound.yaml:24: rules[1].targets: expected the name of a configured target, found 'nowhere'
            leakhound.yaml:27: receivers[0].kind: expected alertmanager or webhook, found 'pagerduty'""");
  }

  @Test
  void aYamlSyntaxErrorIsReportedWithItsLine() {
    assertThatThrownBy(() -> parse("targets:\n  - name: shop\n    kind: [go\n"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "leakhound.yaml:4: expected valid YAML: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence)");
  }

  @Test
  void theVerdictEnginesKnobsAreRead() throws Exception {
    WatchConfig c =
        parse(
            """
            evaluation:
              warmUp: 40s
              minimumLeak: 45s
              minimumGrowth: {bytes: 64MiB, goroutines: 1000}
            targets: [{name: w, kind: process, pid: 1}]
            """);

    assertThat(c.evaluation().warmUp()).isEqualTo(Duration.ofSeconds(40));
    assertThat(c.evaluation().minimumLeak()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.evaluation().minimumSpan()).isNull();
    assertThat(c.evaluation().minimumGrowth().bytes()).isEqualTo(64.0 * (1 << 20));
    assertThat(c.evaluation().minimumGrowth().goroutines()).isEqualTo(1000.0);
    assertThat(c.evaluation().minimumGrowth().openFds()).isNaN();
  }

  @Test
  void anEmptyFileSaysWhatIsMissing() {
    assertThatThrownBy(() -> parse(""))
        .hasMessage(
            "leakhound.yaml:1: expected a mapping with at least 'targets' (the file is empty)");
  }

  @Test
  void duplicateKeysAreReported() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    targets:
                      - name: a
                        kind: go
                        address: http://127.0.0.1:1
                        interval: 1s
                        interval: 2s
                    """))
        .hasMessage(
            "leakhound.yaml:6: targets[0].interval: expected each key once, found 'interval' again");
  }

  @Test
  void anUnsetEnvironmentVariableIsAProblem() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    token: ${NOT_SET_ANYWHERE}
                    targets: [{name: w, kind: process, pid: 1}]
                    """))
        .hasMessage(
            "leakhound.yaml:1: token: expected environment variable NOT_SET_ANYWHERE to be set\n"
                + "leakhound.yaml:1: token: expected a token of at least 16 characters (it guards"
                + " heap profiles), found 0");
  }

  @Test
  void aTokenFileIsReadRelativeToTheConfiguration(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("token"), "0123456789abcdef0123\n");
    Path file = dir.resolve("leakhound.yaml");
    Files.writeString(file, "tokenFile: token\ntargets: [{name: w, kind: process, pid: 1}]\n");

    WatchConfig c = ConfigLoader.load(file, CollectorRegistry.standard().specs());

    assertThat(c.token()).isEqualTo("0123456789abcdef0123");
  }

  @Test
  void thresholdsTakeSizeSuffixesAndInlineOrKeyedHolds() throws Exception {
    WatchConfig c =
        parse(
            """
            targets: [{name: w, kind: process, pid: 1}]
            rules:
              - {name: A, when: "rss_bytes >= 512MiB", for: 2m}
              - {name: B, when: "goroutines > 10k"}
              - {name: C, when: suspect}
            """);

    assertThat(c.rules())
        .extracting(RuleConfig::name, RuleConfig::threshold, RuleConfig::holdFor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", 512.0 * (1 << 20), Duration.ofMinutes(2)),
            org.assertj.core.groups.Tuple.tuple("B", 10_000.0, Duration.ZERO),
            org.assertj.core.groups.Tuple.tuple("C", Double.NaN, Duration.ZERO));
    assertThat(c.rules().get(2).leakLevel()).isEqualTo("suspect");
  }

  @Test
  void problemsAreListedInLineOrderOnePerLine() {
    InvalidConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidConfigException.class,
            () -> parse("targets:\n  - {name: a, kind: go}\n  - {name: b, kind: process}\n"));

    assertThat(e.problems().stream().map(ConfigProblem::line).collect(Collectors.toList()))
        .containsExactly(2, 3);
  }

  private static WatchConfig parse(String yaml) throws IOException, InvalidConfigException {
    return ConfigLoader.parse(
        "leakhound.yaml", yaml, BASE, CollectorRegistry.standard().specs(), Map.of());
  }
}
