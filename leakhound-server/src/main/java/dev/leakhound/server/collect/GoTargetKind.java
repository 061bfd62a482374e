package dev.leakhound.server.collect;

import dev.leakhound.server.config.ConfigProblems;
import dev.leakhound.server.config.TargetConfig;
import java.util.Set;

/**
 * {@code kind: go}: a Go service with net/http/pprof. {@code address} is its base URL ({@code
 * http://127.0.0.1:8080}); options {@code metricsPath} (default: {@code /metrics}, falling back to
 * {@code /debug/vars}), {@code pprofPath} (default {@code /debug/pprof}) and {@code requestsMetric}
 * (the request counter the load guard reads; default: by convention).
 *
 * <p>Immutable and thread-safe.
 */
public final class GoTargetKind implements TargetKind {
  /**
   * Where the service's Go source is (relative to the configuration file), so the diagnosis can
   * read the lines goroutines wait on; the paths the dumps print are tried as well.
   */
  public static final String SOURCE_ROOT = "sourceRoot";

  @Override
  public String name() {
    return "go";
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of(
        GoCollector.METRICS_PATH, GoCollector.PPROF_PATH, MetricsEndpoint.REQUESTS_METRIC);
  }

  @Override
  public boolean needsAddress() {
    return true;
  }

  @Override
  public void validate(TargetConfig target, String path, ConfigProblems problems) {
    HttpAddress.check(target, path, problems, false);
    for (String key : Set.of(GoCollector.METRICS_PATH, GoCollector.PPROF_PATH)) {
      String v = target.options().get(key);
      if (v != null && !v.startsWith("/")) {
        problems.add(
            target.options().line(key, target.line()),
            path + "." + key,
            "a path starting with '/', found '" + v + "'");
      }
    }
  }

  @Override
  public Collector create(TargetConfig target, CollectContext context) {
    return new GoCollector(target, context);
  }
}
