package dev.leakhound.lab.javashop;

/**
 * Scratch space for one report render: rows are aggregated into a byte buffer. Lives only for
 * the request that created it. Not thread-safe: owned by one request.
 */
final class ReportWorkspace {
    private final String report;
    private final byte[] rows;

    ReportWorkspace(String report, int bytes) {
        this.report = report;
        this.rows = new byte[bytes];
    }

    /** Touches every page of the buffer, the way a real aggregation pass would. */
    void aggregate(int step, long days) {
        int stride = 512;
        for (int i = step % stride; i < rows.length; i += stride) {
            rows[i] = (byte) (rows[i] + days + i + report.length());
        }
    }

    long checksum() {
        long sum = 0;
        for (int i = 0; i < rows.length; i += 4096) {
            sum = sum * 31 + rows[i];
        }
        return sum;
    }
}
