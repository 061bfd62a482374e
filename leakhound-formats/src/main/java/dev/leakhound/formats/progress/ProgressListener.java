package dev.leakhound.formats.progress;

/**
 * Receives progress from long work (reading a large dump, computing dominators) in named steps, so
 * a terminal can draw a bar and a server can show a percentage. Called from the working thread;
 * implementations must be cheap (the caller reports at most a few hundred times per step).
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores all progress. */
  ProgressListener NONE = (step, done, total) -> {};

  /**
   * Work in {@code step} (a short lower-case phrase such as {@code "reading heap dump"}) has
   * reached {@code done} of {@code total} units; {@code total} is -1 when unknown.
   */
  void onProgress(String step, long done, long total);
}
