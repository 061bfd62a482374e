package dev.leakhound.server.collect;

/**
 * The profiles a collector can capture for diagnosis. Go kinds are served by {@code
 * net/http/pprof}; the JVM kinds (class histograms, heap dumps) join this list with the JVM
 * collector.
 *
 * <p>Immutable.
 */
public enum ProfileKind {
  /** {@code /debug/pprof/heap}: gzipped profile.proto, inuse and alloc space/objects. */
  HEAP("heap", "application/octet-stream", ".pb.gz"),
  /** {@code /debug/pprof/goroutine}: gzipped profile.proto of goroutine stacks. */
  GOROUTINE("goroutine", "application/octet-stream", ".pb.gz"),
  /** {@code /debug/pprof/goroutine?debug=1}: goroutine counts per stack (small; baselines). */
  GOROUTINE_COUNTS("goroutine-debug1", "text/plain; charset=utf-8", ".txt"),
  /** {@code /debug/pprof/goroutine?debug=2}: every goroutine with its state and wait time. */
  GOROUTINE_FULL("goroutine-debug2", "text/plain; charset=utf-8", ".txt"),
  /**
   * {@code /debug/pprof/goroutineleak?debug=1} (Go 1.26 with GOEXPERIMENT=goroutineleakprofile):
   * the goroutines the GC proved can never run again.
   */
  GOROUTINE_LEAK("goroutineleak-debug1", "text/plain; charset=utf-8", ".txt"),
  /**
   * Not captured but made by the diagnosis: the heap profile diff from the baseline to the capture
   * (gzipped profile.proto with pprof's base labels; {@code go tool pprof} opens it).
   */
  HEAP_DIFF("heap-diff", "application/octet-stream", ".pb.gz");

  private final String id;
  private final String contentType;
  private final String extension;

  ProfileKind(String id, String contentType, String extension) {
    this.id = id;
    this.contentType = contentType;
    this.extension = extension;
  }

  /** The stable name in the store and the API. */
  public String id() {
    return id;
  }

  /** The media type of the downloaded file. */
  public String contentType() {
    return contentType;
  }

  /** The file name extension of a download ({@code .pb.gz} opens in {@code go tool pprof}). */
  public String extension() {
    return extension;
  }

  /** True for the text forms (stored gzipped, served as text). */
  public boolean isText() {
    return extension.equals(".txt");
  }

  /** The kind named {@code id}, or null. */
  public static ProfileKind byId(String id) {
    for (ProfileKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }
}
