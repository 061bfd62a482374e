package dev.leakhound.analysis.profile;

/** What one row of a top report (or one node of a call tree) stands for. */
public enum Granularity {
  /** A function, whatever its file and line (pprof's default, {@code -functions}). */
  FUNCTION,
  /** A source line of a function (pprof's {@code -lines}). */
  LINE
}
