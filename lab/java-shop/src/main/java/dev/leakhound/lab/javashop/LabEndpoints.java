package dev.leakhound.lab.javashop;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The /lab contract shared with the Go shop (see lab/internal/labapi): the enabled scenario
 * routes, a memory sample, and a synchronous full GC. Output JSON is handwritten; every
 * number is an integer. Thread-safe.
 */
final class LabEndpoints {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_SIZE = 4096;
    private static final long GC_WAIT_MILLIS = 5_000;

    private final List<Route> scenarioRoutes;
    private final HeapFloorTracker floor;
    private final LongAdder servedRequests;

    LabEndpoints(List<Route> scenarioRoutes, HeapFloorTracker floor, LongAdder servedRequests) {
        this.scenarioRoutes = List.copyOf(scenarioRoutes);
        this.floor = floor;
        this.servedRequests = servedRequests;
    }

    /** GET /lab/routes: one entry per enabled scenario route. */
    ShopResponse routes(ShopRequest request) {
        StringBuilder json = new StringBuilder("{\"routes\":[");
        for (int i = 0; i < scenarioRoutes.size(); i++) {
            Route route = scenarioRoutes.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"scenario\":").append(Json.quote(route.scenario().label()))
                    .append(",\"method\":").append(Json.quote(route.method()))
                    .append(",\"path\":").append(Json.quote(route.path()))
                    .append(",\"body\":").append(Json.quote(route.sampleBody()))
                    .append('}');
        }
        return ShopResponse.ok(json.append("]}").toString());
    }

    /** GET /lab/stats: one sample of the memory signals. */
    ShopResponse stats(ShopRequest request) {
        return ShopResponse.ok(statsJson());
    }

    /** POST /lab/gc: a full collection, answered once its notification is in; body = stats. */
    ShopResponse gc(ShopRequest request) throws InterruptedException {
        if (!floor.collectAndAwait(GC_WAIT_MILLIS)) {
            Log.info("no GC notification %d ms after System.gc(); heapAfterGC may be stale",
                    GC_WAIT_MILLIS);
        }
        return ShopResponse.ok(statsJson());
    }

    private String statsJson() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long gcCycles = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCycles += Math.max(0, gc.getCollectionCount());
        }
        return "{\"unixMillis\":" + System.currentTimeMillis()
                + ",\"heapAlloc\":" + heap.getUsed()
                + ",\"heapAfterGC\":" + floor.heapAfterGc()
                + ",\"nextGC\":" + heap.getCommitted()
                + ",\"goroutines\":" + ManagementFactory.getThreadMXBean().getThreadCount()
                + ",\"rss\":" + residentBytes()
                + ",\"requests\":" + servedRequests.sum()
                + ",\"gcCycles\":" + gcCycles
                + "}";
    }

    /** Resident set size from /proc/self/statm (second field, in pages); 0 off Linux. */
    private static long residentBytes() {
        try {
            String[] fields = Files.readString(STATM, StandardCharsets.US_ASCII).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
