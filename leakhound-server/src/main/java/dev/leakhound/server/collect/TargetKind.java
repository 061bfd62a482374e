package dev.leakhound.server.collect;

import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.config.TargetKindSpec;

/**
 * One kind of target ({@code go}, {@code prometheus}, {@code process}, {@code jvm}): how its
 * configuration is checked ({@link TargetKindSpec}) and how its collector is made. Registered in
 * {@link CollectorRegistry}; a new kind is one class implementing this, added there.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface TargetKind extends TargetKindSpec {
  /** A collector for {@code target}, which has passed {@link #validate}. */
  Collector create(TargetConfig target, CollectContext context);
}
