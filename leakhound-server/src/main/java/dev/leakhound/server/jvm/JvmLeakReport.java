package dev.leakhound.server.jvm;

import dev.leakhound.analysis.heap.HeapReport;
import dev.leakhound.analysis.jvm.FloorVerdict;
import dev.leakhound.analysis.jvm.GrowthSuspect;
import java.util.List;
import java.util.Objects;

/**
 * The JVM leak report: the verdict on the heap floor, the classes that grow (with what grows with
 * them, the leak pattern and its remedy), and the heap dump when one was taken. Component order is
 * the JSON shape.
 *
 * <p>Immutable and thread-safe.
 *
 * @param target the target's name
 * @param lifetime the JVM lifetime the report is about ({@code jvm:PID@START})
 * @param timeMillis when the report was made
 * @param verdict the verdict on the heap floor
 * @param heapMaxBytes the maximum heap, -1 when undefined
 * @param histograms how many class histograms were compared
 * @param histogramSpanMillis from the first compared histogram to the last
 * @param suspects the growing classes, largest attributed growth first
 * @param heapDump the heap dump taken for this report, or null
 * @param heapDumpError why no heap dump could be written (a missing directory on the target's host,
 *     a full disk), or null
 * @param summary one line: the verdict and the first suspect with its pattern
 */
public record JvmLeakReport(
    String target,
    String lifetime,
    long timeMillis,
    FloorVerdict verdict,
    long heapMaxBytes,
    int histograms,
    long histogramSpanMillis,
    List<GrowthSuspect> suspects,
    HeapDumpCapture heapDump,
    String heapDumpError,
    List<HeapReport.Suspect> heapDumpSuspects,
    String summary) {
  public JvmLeakReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
    suspects = List.copyOf(suspects);
    heapDumpSuspects = List.copyOf(heapDumpSuspects);
    Objects.requireNonNull(summary, "summary");
  }
}
