package dev.leakhound.server.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.jvm.HeapDumpCapture;
import dev.leakhound.server.jvm.HeapDumpLink;
import dev.leakhound.server.jvm.HistogramCapture;
import dev.leakhound.server.jvm.HistogramScheduler;
import dev.leakhound.server.jvm.JmxAddress;
import dev.leakhound.server.jvm.JvmCollectException;
import dev.leakhound.server.jvm.JvmMonitor;
import dev.leakhound.server.jvm.JvmSample;
import dev.leakhound.server.jvm.JvmSampler;
import dev.leakhound.server.signal.Signal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects a JVM over JMX ({@link JvmTargetKind}): each scrape is one {@link JvmMonitor#sample()}
 * (heap used and committed, the heap floor from the GC notifications since the last scrape, GC
 * counts and time, threads, loaded classes, open files, the maximum heap as the limit, the start
 * time); captures are class histograms (the watcher takes them as baselines every {@code
 * histogramInterval} and for a diagnosis when a signal turns suspect, never closer together than
 * {@code histogramMinimumGap}: each forces a full GC) and, on a confirmed leak, one heap dump per
 * lifetime, stored as its {@link HeapDumpLink}.
 *
 * <p>Thread-safe: the monitor serializes its calls (a capture makes a concurrent scrape wait).
 */
final class JvmCollector implements Collector {
  private final JvmMonitor monitor;
  private final Duration histogramInterval;
  private final boolean heapDumps;

  JvmCollector(TargetConfig target, CollectContext context) {
    String pid = target.options().get(JvmTargetKind.PID);
    JmxAddress address =
        JmxAddress.parse(
            pid != null ? "pid:" + pid.strip() : target.address(),
            target.options().get(JvmTargetKind.USER),
            target.options().get(JvmTargetKind.PASSWORD),
            "true".equals(target.options().get(JvmTargetKind.SSL)));
    this.histogramInterval =
        duration(
            target, JvmTargetKind.HISTOGRAM_INTERVAL, JvmTargetKind.DEFAULT_HISTOGRAM_INTERVAL);
    Duration gap =
        duration(target, JvmTargetKind.HISTOGRAM_GAP, JvmTargetKind.DEFAULT_HISTOGRAM_GAP);
    Duration histogramTimeout =
        duration(target, JvmTargetKind.HISTOGRAM_TIMEOUT, JvmTargetKind.DEFAULT_HISTOGRAM_TIMEOUT);
    this.heapDumps = !"false".equals(target.options().get(JvmTargetKind.HEAP_DUMPS));
    String local = target.options().get(JvmTargetKind.DUMP_DIRECTORY);
    String remote = target.options().get(JvmTargetKind.REMOTE_DUMP_DIRECTORY);
    this.monitor =
        new JvmMonitor(
            target.name(),
            new JvmSampler(
                address,
                target.timeout(),
                histogramTimeout,
                context.clock(),
                "true".equals(target.options().get(JvmTargetKind.GC_NOTIFICATIONS))),
            new HistogramScheduler(histogramInterval, gap),
            local != null
                ? Path.of(local)
                : Path.of(System.getProperty("java.io.tmpdir"), "leakhound-heap-dumps"),
            remote != null ? remote : "/tmp",
            Duration.ZERO, // the watcher takes the first histogram at the start of a lifetime
            context.clock());
  }

  private static Duration duration(TargetConfig target, String key, Duration fallback) {
    String v = target.options().get(key);
    Duration d = v == null ? null : Units.parseDuration(v);
    return d == null ? fallback : d;
  }

  @Override
  public Scrape scrape() throws CollectException {
    JvmSample s;
    try {
      s = monitor.sample();
    } catch (JvmCollectException e) {
      throw new CollectException(e.getMessage(), e);
    }
    Map<Signal, Double> v = new EnumMap<>(Signal.class);
    if (!Double.isNaN(s.heapFloorBytes())) {
      v.put(Signal.HEAP_FLOOR, s.heapFloorBytes());
    }
    putKnown(v, Signal.HEAP_INUSE, s.heapUsedBytes());
    putKnown(v, Signal.HEAP_COMMITTED, s.heapCommittedBytes());
    putKnown(v, Signal.GC_CYCLES, s.gcCount());
    v.put(Signal.GC_TIME, s.gcTimeMillis() / 1000.0);
    putKnown(v, Signal.THREADS, s.threads());
    putKnown(v, Signal.LOADED_CLASSES, s.loadedClasses());
    putKnown(v, Signal.OPEN_FDS, s.openFileDescriptors());
    if (s.heapMaxBytes() > 0) {
      v.put(Signal.MEMORY_LIMIT, (double) s.heapMaxBytes());
    }
    if (s.startTimeMillis() > 0) {
      v.put(Signal.START_TIME, s.startTimeMillis() / 1000.0);
    }
    return new Scrape(s.timeMillis(), v, s.lifetime(), List.of());
  }

  private static void putKnown(Map<Signal, Double> values, Signal signal, long value) {
    if (value >= 0) {
      values.put(signal, (double) value);
    }
  }

  @Override
  public Set<ProfileKind> captureKinds() {
    return heapDumps
        ? EnumSet.of(ProfileKind.CLASS_HISTOGRAM, ProfileKind.HEAP_DUMP)
        : EnumSet.of(ProfileKind.CLASS_HISTOGRAM);
  }

  @Override
  public CapturedProfile capture(ProfileKind kind) throws CollectException {
    try {
      return switch (kind) {
        case CLASS_HISTOGRAM -> histogram();
        case HEAP_DUMP -> heapDump();
        default -> throw new CollectException("a jvm target has no " + kind.id() + " profile");
      };
    } catch (JvmCollectException e) {
      throw new CollectException(e.getMessage(), e);
    }
  }

  /**
   * A class histogram now, unless the last one is more recent than the minimum gap: then that one
   * again (a diagnosis right after a baseline must not force a second full GC).
   */
  private CapturedProfile histogram() throws JvmCollectException {
    HistogramCapture h = monitor.histogramIfDue(true);
    if (h == null) {
      List<HistogramCapture> kept = monitor.histograms();
      if (kept.isEmpty()) {
        throw new JvmCollectException("no class histogram of this JVM lifetime yet");
      }
      h = kept.get(kept.size() - 1);
    }
    return new CapturedProfile(
        ProfileKind.CLASS_HISTOGRAM, h.timeMillis(), h.text().getBytes(StandardCharsets.UTF_8));
  }

  private CapturedProfile heapDump() throws JvmCollectException {
    HeapDumpCapture d = monitor.heapDumpOnce();
    HeapDumpLink link = HeapDumpLink.of(d, monitor.heapDumpSuspects());
    try {
      return new CapturedProfile(
          ProfileKind.HEAP_DUMP, d.timeMillis(), JsonRenderer.mapper().writeValueAsBytes(link));
    } catch (JsonProcessingException e) {
      throw new JvmCollectException("cannot describe the heap dump " + d.path(), e);
    }
  }

  @Override
  public Duration baselineInterval() {
    return histogramInterval;
  }

  @Override
  public void close() {
    monitor.close();
  }
}
