package dev.leakhound.server.jvm;

import dev.leakhound.analysis.heap.HeapReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the watch service stores for a heap dump (profile kind {@code heap-dump}): not the dump,
 * which the JVM writes on its own host and may be hundreds of megabytes, but where it is and what
 * its analysis found. Component order is the JSON shape.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the file, on the target's host
 * @param onThisHost true when the file is on the host Leakhound runs on (a local target)
 * @param sizeBytes its size when on this host, else -1
 * @param takenAtMillis when it was written (epoch milliseconds)
 * @param suspects what the heap dump analysis found (on this host only), largest retained first
 */
public record HeapDumpLink(
    String path, boolean onThisHost, long sizeBytes, long takenAtMillis, List<Suspect> suspects) {
  public HeapDumpLink {
    Objects.requireNonNull(path, "path");
    suspects = suspects == null ? List.of() : List.copyOf(suspects);
  }

  /**
   * A leak suspect of the dump, as much of it as a report shows.
   *
   * @param accumulatedClass the class whose instances accumulate
   * @param pattern the pattern its path from a GC root shows ({@code listener-never-removed}...)
   * @param remedy what to change
   * @param retainedBytes bytes the suspect retains
   * @param pathToRoot the path from the GC root, root first
   */
  public record Suspect(
      String accumulatedClass,
      String pattern,
      String remedy,
      long retainedBytes,
      List<String> pathToRoot) {
    public Suspect {
      pathToRoot = pathToRoot == null ? List.of() : List.copyOf(pathToRoot);
    }
  }

  /** The link to {@code dump} with what its analysis found. */
  public static HeapDumpLink of(HeapDumpCapture dump, List<HeapReport.Suspect> found) {
    List<Suspect> out = new ArrayList<>();
    for (HeapReport.Suspect s : found) {
      out.add(
          new Suspect(
              s.accumulatedClass() == null ? s.className() : s.accumulatedClass(),
              s.pattern().id(),
              s.remedy(),
              s.retainedBytes(),
              s.pathToRoot()));
    }
    return new HeapDumpLink(
        dump.path(), dump.onThisHost(), dump.sizeBytes(), dump.timeMillis(), out);
  }
}
