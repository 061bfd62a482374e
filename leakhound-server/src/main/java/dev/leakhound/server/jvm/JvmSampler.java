package dev.leakhound.server.jvm;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.formats.jvm.ClassHistogramReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Samples one JVM over JMX: connects (and reconnects after a loss or a restart), subscribes to its
 * GC notifications so the heap floor is taken at every collection, and on each {@link #sample()}
 * reads the heap, pools, GC counts and time, threads, loaded classes and open file descriptors in
 * one round trip per MBean. Class histograms come from the DiagnosticCommand MBean ({@code
 * gcClassHistogram}, which forces a full GC: take them on a schedule, see {@link
 * HistogramScheduler}), heap dumps from the HotSpotDiagnostic MBean.
 *
 * <p>Thread-safe: methods are synchronized, so a histogram never runs beside a sample. Cost per
 * sample: about ten JMX calls; memory: the undrained GC events (bounded).
 */
public final class JvmSampler implements AutoCloseable {
  private static final ObjectName MEMORY = name("java.lang:type=Memory");
  private static final ObjectName RUNTIME = name("java.lang:type=Runtime");
  private static final ObjectName THREADING = name("java.lang:type=Threading");
  private static final ObjectName CLASS_LOADING = name("java.lang:type=ClassLoading");
  private static final ObjectName OPERATING_SYSTEM = name("java.lang:type=OperatingSystem");
  private static final ObjectName GC_BEANS = name("java.lang:type=GarbageCollector,*");
  private static final ObjectName POOLS = name("java.lang:type=MemoryPool,*");
  private static final ObjectName DIAGNOSTIC_COMMAND =
      name("com.sun.management:type=DiagnosticCommand");
  private static final ObjectName HOTSPOT_DIAGNOSTIC =
      name("com.sun.management:type=HotSpotDiagnostic");

  private final JmxAddress address;
  private final Duration timeout;
  private final Duration histogramTimeout;
  private final Clock clock;
  private JmxConnection connection;
  private GcNotificationRecorder recorder;
  private List<ObjectName> gcBeans = List.of();
  private List<ObjectName> pools = List.of();
  private String lifetime = "";

  /**
   * A sampler of {@code address}; nothing connects before the first call.
   *
   * @param timeout bounds connecting and each sample
   * @param histogramTimeout bounds a class histogram or a heap dump (each forces a full GC)
   */
  public JvmSampler(JmxAddress address, Duration timeout, Duration histogramTimeout, Clock clock) {
    this.address = address;
    this.timeout = timeout;
    this.histogramTimeout = histogramTimeout;
    this.clock = clock;
  }

  public JmxAddress address() {
    return address;
  }

  /** Reads the JVM now; connects first when needed. */
  public synchronized JvmSample sample() throws JvmCollectException {
    JmxConnection c = connected();
    return c.call("reading memory, threads and GC", () -> read(c.mbeans()));
  }

  /** Takes a class histogram (the target runs a full GC first). */
  public synchronized HistogramCapture classHistogram() throws JvmCollectException {
    JmxConnection c = connected();
    String text =
        c.call(
            "taking a class histogram",
            histogramTimeout,
            () ->
                (String)
                    c.mbeans()
                        .invoke(
                            DIAGNOSTIC_COMMAND,
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()}));
    try {
      ClassHistogram h =
          ClassHistogramReader.read(
              "the class histogram of " + address,
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      return new HistogramCapture(clock.millis(), lifetime, text, h);
    } catch (InputFormatException e) {
      throw new JvmCollectException(e.getMessage(), e);
    } catch (IOException e) {
      throw new JvmCollectException("cannot read the class histogram of " + address, e);
    }
  }

  /**
   * Writes a heap dump to {@code path} on the target's host (which must not exist yet; for a local
   * target, a path on this machine).
   */
  public synchronized HeapDumpCapture dumpHeap(String path, boolean live)
      throws JvmCollectException {
    JmxConnection c = connected();
    c.call(
        "writing a heap dump",
        histogramTimeout,
        () ->
            c.mbeans()
                .invoke(
                    HOTSPOT_DIAGNOSTIC,
                    "dumpHeap",
                    new Object[] {path, live},
                    new String[] {String.class.getName(), boolean.class.getName()}));
    long size = -1;
    if (address.isLocal()) {
      try {
        size = Files.size(Path.of(path));
      } catch (IOException e) {
        size = -1;
      }
    }
    return new HeapDumpCapture(clock.millis(), path, address.isLocal(), size, live);
  }

  /** The lifetime of the JVM last sampled ({@code jvm:PID@START}), empty before the first. */
  public synchronized String lifetime() {
    return lifetime;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private JmxConnection connected() throws JvmCollectException {
    if (connection != null && connection.lost() == null) {
      return connection;
    }
    if (connection != null) {
      connection.close(); // lost: the target may have restarted; subscribe again
    }
    connection = JmxConnection.open(address, timeout);
    JmxConnection c = connection;
    try {
      c.call(
          "subscribing to GC notifications",
          () -> {
            subscribe(c.mbeans());
            return null;
          });
    } catch (JvmCollectException e) {
      c.close();
      connection = null;
      throw e;
    }
    return c;
  }

  private void subscribe(MBeanServerConnection m) throws IOException, JMException {
    Set<String> heapPools = new HashSet<>();
    pools = new ArrayList<>(m.queryNames(POOLS, null));
    for (ObjectName pool : pools) {
      if ("HEAP".equals(String.valueOf(m.getAttribute(pool, "Type")))) {
        heapPools.add(pool.getKeyProperty("name"));
      }
    }
    recorder = new GcNotificationRecorder(heapPools);
    gcBeans = new ArrayList<>(m.queryNames(GC_BEANS, null));
    for (ObjectName gc : gcBeans) {
      m.addNotificationListener(gc, recorder, null, null);
    }
  }

  private JvmSample read(MBeanServerConnection m) throws IOException, JMException {
    Map<String, Object> memory = attributes(m, MEMORY, "HeapMemoryUsage", "NonHeapMemoryUsage");
    Map<String, Object> runtime = attributes(m, RUNTIME, "Pid", "StartTime", "VmVersion");
    Map<String, Object> threading = attributes(m, THREADING, "ThreadCount");
    Map<String, Object> classes = attributes(m, CLASS_LOADING, "LoadedClassCount");
    Map<String, Object> os =
        attributes(m, OPERATING_SYSTEM, "OpenFileDescriptorCount", "MaxFileDescriptorCount");
    long gcCount = 0;
    long gcTime = 0;
    for (ObjectName gc : gcBeans) {
      Map<String, Object> g = attributes(m, gc, "CollectionCount", "CollectionTime");
      gcCount += Math.max(0, number(g.get("CollectionCount")));
      gcTime += Math.max(0, number(g.get("CollectionTime")));
    }
    List<MemoryPoolUsage> poolUsage = new ArrayList<>();
    for (ObjectName pool : pools) {
      Map<String, Object> p = attributes(m, pool, "Type", "Usage", "CollectionUsage");
      MemoryUsage u = usage(p.get("Usage"));
      MemoryUsage after = usage(p.get("CollectionUsage"));
      if (u != null) {
        poolUsage.add(
            new MemoryPoolUsage(
                pool.getKeyProperty("name"),
                "HEAP".equals(String.valueOf(p.get("Type"))),
                u.getUsed(),
                u.getCommitted(),
                u.getMax(),
                after == null ? -1 : after.getUsed()));
      }
    }
    MemoryUsage heap = usage(memory.get("HeapMemoryUsage"));
    MemoryUsage nonHeap = usage(memory.get("NonHeapMemoryUsage"));
    long pid = number(runtime.get("Pid"));
    long start = number(runtime.get("StartTime"));
    lifetime = "jvm:" + pid + "@" + start;
    List<JvmGcEvent> events = recorder.drain();
    double floor = Double.NaN;
    for (JvmGcEvent e : events) {
      if (e.floor() && (Double.isNaN(floor) || e.heapAfterBytes() < floor)) {
        floor = e.heapAfterBytes();
      }
    }
    return new JvmSample(
        clock.millis(),
        lifetime,
        pid,
        start,
        String.valueOf(runtime.get("VmVersion")),
        heap == null ? -1 : heap.getUsed(),
        heap == null ? -1 : heap.getCommitted(),
        heap == null ? -1 : heap.getMax(),
        nonHeap == null ? -1 : nonHeap.getUsed(),
        floor,
        gcCount,
        gcTime,
        (int) number(threading.get("ThreadCount")),
        number(classes.get("LoadedClassCount")),
        number(os.get("OpenFileDescriptorCount")),
        number(os.get("MaxFileDescriptorCount")),
        poolUsage,
        events);
  }

  /** The attributes that exist (a platform without file descriptors has none of those). */
  private static Map<String, Object> attributes(
      MBeanServerConnection m, ObjectName bean, String... names) throws IOException, JMException {
    AttributeList list = m.getAttributes(bean, names);
    Map<String, Object> out = new HashMap<>();
    for (Attribute a : list.asList()) {
      out.put(a.getName(), a.getValue());
    }
    return out;
  }

  private static MemoryUsage usage(Object value) {
    return value instanceof CompositeData cd ? MemoryUsage.from(cd) : null;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : -1;
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }
}
