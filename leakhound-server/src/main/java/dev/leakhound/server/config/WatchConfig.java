package dev.leakhound.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration of the watch service, validated: every field has a value (defaults filled
 * in by {@link ConfigLoader}).
 *
 * <p>Immutable.
 *
 * @param file the file it was read from (for messages)
 * @param dataDir where the SQLite store lives
 * @param listen the HTTP listen address (127.0.0.1:9464 by default)
 * @param token the bearer token every endpoint but /healthz requires; null for none
 * @param externalUrl the base URL people use to reach this server (links in alerts)
 * @param evaluation how often and over what window the verdict engine runs
 * @param capture when baseline profiles are captured and how many are kept
 * @param retention how long samples, reports and profiles are kept
 * @param targets the watched services
 * @param rules alerting rules
 * @param receivers where alerts go
 */
public record WatchConfig(
    Path file,
    Path dataDir,
    HostPort listen,
    String token,
    String externalUrl,
    Evaluation evaluation,
    Capture capture,
    Retention retention,
    List<TargetConfig> targets,
    List<RuleConfig> rules,
    List<ReceiverConfig> receivers) {
  public WatchConfig {
    targets = List.copyOf(targets);
    rules = List.copyOf(rules);
    receivers = List.copyOf(receivers);
  }

  /**
   * How detection runs. The last four are the verdict engine's knobs; null keeps its default.
   *
   * @param interval how often every target and signal is judged
   * @param window how far back the verdict engine looks (within the current process lifetime)
   * @param resolveWindow the recent stretch that must show no growth before a report resolves
   * @param warmUp skipped after every process start (caches, pools, JIT warming up)
   * @param minimumSpan the judged stretch must span at least this long
   * @param minimumLeak growth must last this long before it is called a leak (suspect before)
   * @param plateauWindow the shortest recent window the plateau guard looks at
   * @param minimumGrowth the smallest growth per hour worth a leak verdict, per kind of signal
   */
  public record Evaluation(
      Duration interval,
      Duration window,
      Duration resolveWindow,
      Duration warmUp,
      Duration minimumSpan,
      Duration minimumLeak,
      Duration plateauWindow,
      MinimumGrowth minimumGrowth) {}

  /**
   * The verdict engine's practical minimum, per hour: growth below it may be real and still not
   * worth a leak verdict. NaN keeps the engine's default (256 KiB/h for bytes, 1/h for counts, and
   * never under 1 %/h of the floor).
   *
   * @param bytes for the heap floor and RSS
   * @param goroutines for goroutine counts
   * @param openFds for open file descriptors
   * @param threads for threads
   */
  public record MinimumGrowth(double bytes, double goroutines, double openFds, double threads) {
    public static final MinimumGrowth DEFAULTS =
        new MinimumGrowth(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * Baseline profile captures (Go targets).
   *
   * @param baselineInterval how often a baseline is captured after the one at start
   * @param baselinesKept how many baselines of one process lifetime are kept
   */
  public record Capture(Duration baselineInterval, int baselinesKept) {}

  /**
   * Retention by age.
   *
   * @param raw full-resolution samples
   * @param downsampled 5-minute min/max/mean rollups
   * @param reports resolved reports and their profiles
   * @param profiles baseline profiles not referenced by a report
   */
  public record Retention(
      Duration raw, Duration downsampled, Duration reports, Duration profiles) {}

  /** The target named {@code name}, or null. */
  public TargetConfig target(String name) {
    for (TargetConfig t : targets) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
