package dev.leakhound.server.jvm;

import java.util.Objects;

/**
 * A heap dump written by the target's HotSpotDiagnostic MBean ({@code dumpHeap}). The JVM writes it
 * on its own host: for a local target the file is on this machine; for a remote one only its path
 * on the target's host is known.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeMillis when it was written (epoch milliseconds)
 * @param path the file, on the target's host
 * @param onThisHost true when the target is local, so {@link #path()} can be opened here
 * @param sizeBytes the file's size when it is on this host, else -1
 * @param live true when only live objects were dumped (a full GC ran first)
 */
public record HeapDumpCapture(
    long timeMillis, String path, boolean onThisHost, long sizeBytes, boolean live) {
  public HeapDumpCapture {
    Objects.requireNonNull(path, "path");
  }
}
