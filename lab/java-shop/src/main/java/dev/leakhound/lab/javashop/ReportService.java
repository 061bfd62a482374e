package dev.leakhound.lab.javashop;

import java.util.concurrent.ThreadLocalRandom;

/**
 * load-follow (control): POST /api/reports renders a sales report in a {@link ReportWorkspace}
 * of {@link #WORKSPACE_FACTOR} x leak-bytes that it holds for 100-300 ms while it works, then
 * drops. Live memory is proportional to the reports in flight: it rises with load and falls
 * back when load stops — what Leakhound's load guard must not call a leak. Thread-safe.
 */
final class ReportService {
    /** A report's workspace is this many times leak-bytes (1 MiB with the default). */
    static final int WORKSPACE_FACTOR = 16;
    private static final int STEPS = 4;

    private final int workspaceBytes;

    ReportService(int leakBytes) {
        this.workspaceBytes = (int) Math.min(Integer.MAX_VALUE - 8L, (long) leakBytes * WORKSPACE_FACTOR);
    }

    ShopResponse render(ShopRequest request) throws InterruptedException {
        String report = Json.text(request.body(), "report", "sales-by-region");
        long days = Math.max(1, Math.min(366, Json.number(request.body(), "days", 30)));
        ReportWorkspace workspace = new ReportWorkspace(report, workspaceBytes);
        long workMillis = ThreadLocalRandom.current().nextLong(100, 301);
        for (int step = 0; step < STEPS; step++) {
            workspace.aggregate(step, days);
            Thread.sleep(workMillis / STEPS);
        }
        return ShopResponse.ok("{\"report\":" + Json.quote(report) + ",\"days\":" + days + ",\"checksum\":"
                + workspace.checksum() + ",\"workspaceBytes\":" + workspaceBytes + "}");
    }
}
