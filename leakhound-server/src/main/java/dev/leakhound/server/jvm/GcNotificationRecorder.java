package dev.leakhound.server.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Listens to a JVM's GC notifications and keeps each collection as a {@link JvmGcEvent}, with the
 * heap before and after summed over the heap pools: the exact floor, taken at every collection,
 * rather than {@code getCollectionUsage} polled at random moments (which on G1 stays stale between
 * old collections).
 *
 * <p>Thread-safe: the JMX client delivers notifications on its own thread while samplers drain.
 * Bounded: beyond {@link #CAPACITY} undrained events the oldest are dropped (and counted).
 */
final class GcNotificationRecorder implements NotificationListener {
  static final int CAPACITY = 10_000;

  private final Set<String> heapPools;
  private final ArrayDeque<JvmGcEvent> events = new ArrayDeque<>();
  private long dropped;

  GcNotificationRecorder(Set<String> heapPools) {
    this.heapPools = Set.copyOf(heapPools);
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())
        || !(n.getUserData() instanceof CompositeData data)) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(data);
    GcInfo gc = info.getGcInfo();
    JvmGcEvent event =
        new JvmGcEvent(
            gc.getId(),
            info.getGcName(),
            info.getGcAction(),
            info.getGcCause(),
            gc.getStartTime(),
            gc.getDuration(),
            sum(gc.getMemoryUsageBeforeGc(), false),
            sum(gc.getMemoryUsageAfterGc(), false),
            sum(gc.getMemoryUsageAfterGc(), true),
            JvmGcEvent.isFloorCollector(info.getGcName()));
    synchronized (this) {
      if (events.size() == CAPACITY) {
        events.removeFirst();
        dropped++;
      }
      events.addLast(event);
    }
  }

  /** The events since the last call, oldest first. */
  synchronized List<JvmGcEvent> drain() {
    List<JvmGcEvent> out = new ArrayList<>(events);
    events.clear();
    return out;
  }

  /** Events dropped because nobody drained them in time. */
  synchronized long dropped() {
    return dropped;
  }

  private long sum(Map<String, MemoryUsage> byPool, boolean committed) {
    long total = 0;
    for (Map.Entry<String, MemoryUsage> e : byPool.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        total += committed ? e.getValue().getCommitted() : e.getValue().getUsed();
      }
    }
    return total;
  }
}
