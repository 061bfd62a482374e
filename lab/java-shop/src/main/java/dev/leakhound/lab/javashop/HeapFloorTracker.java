package dev.leakhound.lab.javashop;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Tracks the heap floor: the heap in use right after the last garbage collection, summed over
 * the heap pools of the collector's notification. On G1 this is exact after a full GC (what
 * POST /lab/gc triggers), unlike {@code MemoryPoolMXBean.getCollectionUsage()}, which is only
 * updated per pool by the collector that owns it.
 *
 * <p>Thread-safe: notifications arrive on the JVM's service thread; readers block on this
 * object's monitor.
 */
final class HeapFloorTracker implements NotificationListener {
    private static final String EXPLICIT_GC_CAUSE = "System.gc()";

    private final Set<String> heapPoolNames;
    private long heapAfterGc = -1;
    private long explicitCollections;

    private HeapFloorTracker(Set<String> heapPoolNames) {
        this.heapPoolNames = Set.copyOf(heapPoolNames);
    }

    static HeapFloorTracker install() {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        HeapFloorTracker tracker = new HeapFloorTracker(heapPools);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(tracker, null, null);
            }
        }
        return tracker;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        boolean explicit = EXPLICIT_GC_CAUSE.equals(info.getGcCause());
        synchronized (this) {
            if (reclaims(info.getGcName()) || explicit) {
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPoolNames.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                heapAfterGc = used;
            }
            if (explicit) {
                explicitCollections++;
                notifyAll();
            }
        }
    }

    /** Heap used after the last collection; before the first one, the heap used now. */
    synchronized long heapAfterGc() {
        if (heapAfterGc >= 0) {
            return heapAfterGc;
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Runs {@link System#gc()} and waits (up to {@code timeoutMillis}) until its notification
     * has been seen, so a following read shows the fresh floor.
     *
     * @return whether the notification arrived in time
     */
    boolean collectAndAwait(long timeoutMillis) throws InterruptedException {
        long before;
        synchronized (this) {
            before = explicitCollections;
        }
        System.gc();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (this) {
            while (explicitCollections == before) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
                if (leftMillis <= 0) {
                    return false;
                }
                wait(leftMillis);
            }
            return true;
        }
    }

    /**
     * Whether a collector's notifications describe memory it reclaimed. G1's "G1 Concurrent GC"
     * (remark and cleanup pauses) and ZGC/Shenandoah "Pauses" beans report usage "after" that
     * still holds the uncollected young generation; taking them would turn the floor into the
     * sawtooth.
     */
    private static boolean reclaims(String gcName) {
        return !gcName.contains("Concurrent") && !gcName.contains("Pauses");
    }
}
