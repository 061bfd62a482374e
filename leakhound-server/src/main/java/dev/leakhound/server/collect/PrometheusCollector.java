package dev.leakhound.server.collect;

import dev.leakhound.server.config.TargetConfig;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Collects any {@code /metrics} endpoint: the known names ({@code go_*}, {@code jvm_*}, {@code
 * process_*}) become signals; nothing else is stored. No profiles.
 *
 * <p>Thread-safe under the scheduler's guarantee that scrapes never overlap.
 */
final class PrometheusCollector implements Collector {
  private final CollectContext context;
  private final URI uri;
  private final MetricsEndpoint metrics;

  PrometheusCollector(TargetConfig target, CollectContext context) {
    this.context = context;
    URI u = URI.create(target.address());
    this.uri = u.getPath() == null || u.getPath().isEmpty() ? u.resolve("/metrics") : u;
    this.metrics = new MetricsEndpoint(context.http(), target);
  }

  @Override
  public Scrape scrape() throws CollectException {
    MetricsEndpoint.Result r = metrics.read(uri, context.clock().millis());
    List<String> notes =
        r.known()
            ? List.of()
            : List.of("no known memory metrics (go_*, jvm_*, process_*) at " + uri);
    return new Scrape(context.clock().millis(), r.values(), r.lifetime(), notes);
  }

  @Override
  public Set<ProfileKind> captureKinds() {
    return Set.of();
  }

  @Override
  public CapturedProfile capture(ProfileKind kind) throws CollectException {
    throw new CollectException("a prometheus target has no profiles to capture");
  }
}
