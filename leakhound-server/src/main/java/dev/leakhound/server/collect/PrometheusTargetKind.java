package dev.leakhound.server.collect;

import dev.leakhound.server.config.ConfigProblems;
import dev.leakhound.server.config.TargetConfig;
import java.util.Set;

/**
 * {@code kind: prometheus}: any Prometheus text or OpenMetrics endpoint; {@code address} is the
 * metrics URL ({@code /metrics} is assumed when it has no path).
 *
 * <p>Immutable and thread-safe.
 */
public final class PrometheusTargetKind implements TargetKind {
  @Override
  public String name() {
    return "prometheus";
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of(MetricsEndpoint.REQUESTS_METRIC);
  }

  @Override
  public boolean needsAddress() {
    return true;
  }

  @Override
  public void validate(TargetConfig target, String path, ConfigProblems problems) {
    HttpAddress.check(target, path, problems, true);
  }

  @Override
  public Collector create(TargetConfig target, CollectContext context) {
    return new PrometheusCollector(target, context);
  }
}
