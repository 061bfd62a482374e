package dev.leakhound.server.jvm;

import java.util.Objects;

/**
 * One memory pool of a JVM ({@code G1 Old Gen}, {@code Metaspace}) at a sample.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the pool's name
 * @param heap true for a heap pool, false for non-heap (metaspace, code cache)
 * @param usedBytes used now
 * @param committedBytes committed now
 * @param maxBytes the pool's maximum, -1 when undefined
 * @param usedAfterLastGcBytes used right after the last collection of the pool, -1 when the pool
 *     has none (the value getCollectionUsage polls; stale on G1 between old collections)
 */
public record MemoryPoolUsage(
    String name,
    boolean heap,
    long usedBytes,
    long committedBytes,
    long maxBytes,
    long usedAfterLastGcBytes) {
  public MemoryPoolUsage {
    Objects.requireNonNull(name, "name");
  }
}
