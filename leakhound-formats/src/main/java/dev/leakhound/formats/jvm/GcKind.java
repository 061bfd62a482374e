package dev.leakhound.formats.jvm;

/**
 * What a collection did, coarsely, across collectors: the distinction the tuning advice needs.
 *
 * <p>Immutable.
 */
public enum GcKind {
  /**
   * A stop-the-world young collection (G1 Normal/Concurrent Start/Prepare Mixed, Parallel, Serial).
   */
  YOUNG,
  /** G1 young collection that also evacuates old regions. */
  MIXED,
  /** A stop-the-world collection of the whole heap. */
  FULL,
  /** Shenandoah's stop-the-world fallback when a concurrent cycle could not finish in time. */
  DEGENERATED,
  /**
   * A concurrent cycle with short pauses inside: G1's marking cycle, a ZGC collection (minor, major
   * or not generational), a Shenandoah cycle.
   */
  CONCURRENT
}
