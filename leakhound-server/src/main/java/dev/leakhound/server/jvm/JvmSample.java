package dev.leakhound.server.jvm;

import java.util.List;

/**
 * What one sample of a JVM over JMX found: heap and pools, the heap floor from the GC notifications
 * since the previous sample, GC counts and time, threads, loaded classes, open file descriptors,
 * and what identifies the process lifetime.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeMillis when the sample was taken (wall clock, milliseconds since the epoch)
 * @param lifetime {@code jvm:PID@STARTMILLIS}: a change is a restart
 * @param pid the JVM's process id
 * @param startTimeMillis when the JVM started (epoch milliseconds)
 * @param vmVersion the JVM's version ({@code java.vm.version})
 * @param heapUsedBytes heap used now (the sawtooth)
 * @param heapCommittedBytes heap committed now
 * @param heapMaxBytes the maximum heap ({@code -Xmx}), -1 when undefined
 * @param nonHeapUsedBytes non-heap used now (metaspace, code cache)
 * @param heapFloorBytes the lowest heap after a collection among the collections since the previous
 *     sample (the lower envelope of the floor), NaN when none completed
 * @param gcCount collections since the JVM started, all collectors
 * @param gcTimeMillis their accumulated time
 * @param threads live threads
 * @param loadedClasses classes loaded now
 * @param openFileDescriptors open file descriptors, -1 when the platform does not say
 * @param maxFileDescriptors the descriptor limit, -1 when the platform does not say
 * @param pools every memory pool
 * @param gcEvents the collections since the previous sample, oldest first
 */
public record JvmSample(
    long timeMillis,
    String lifetime,
    long pid,
    long startTimeMillis,
    String vmVersion,
    long heapUsedBytes,
    long heapCommittedBytes,
    long heapMaxBytes,
    long nonHeapUsedBytes,
    double heapFloorBytes,
    long gcCount,
    long gcTimeMillis,
    int threads,
    long loadedClasses,
    long openFileDescriptors,
    long maxFileDescriptors,
    List<MemoryPoolUsage> pools,
    List<JvmGcEvent> gcEvents) {
  public JvmSample {
    pools = List.copyOf(pools);
    gcEvents = List.copyOf(gcEvents);
  }
}
