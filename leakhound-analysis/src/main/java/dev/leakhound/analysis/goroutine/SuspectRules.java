package dev.leakhound.analysis.goroutine;

/**
 * When a goroutine group counts as a leak suspect. A group is a suspect when the goroutineleak
 * profile lists it, or when it waits on a channel, select or lock (or its state is unknown) and
 * either grows across snapshots by at least {@code minGrowth} without ever shrinking, or holds at
 * least {@code minCount} goroutines that have waited {@code minWaitMinutes} or longer.
 *
 * <p>Immutable.
 *
 * @param minCount the size from which a long-blocked group is suspicious
 * @param minWaitMinutes the wait from which a large blocked group is suspicious
 * @param minGrowth how much a group must grow from the first snapshot to the last
 */
public record SuspectRules(int minCount, int minWaitMinutes, int minGrowth) {
  /** 50 goroutines blocked 10 minutes or more, or growth by 10 or more. */
  public static final SuspectRules DEFAULT = new SuspectRules(50, 10, 10);

  public SuspectRules {
    if (minCount < 1 || minWaitMinutes < 0 || minGrowth < 1) {
      throw new IllegalArgumentException(
          "minCount and minGrowth must be >= 1, minWaitMinutes >= 0");
    }
  }
}
