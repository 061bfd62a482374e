package dev.leakhound.server.store;

/**
 * A stretch of one series, column-wise (the shape uPlot draws): times, values, and per point the
 * min and max of the raw samples it stands for (equal to the value when not downsampled).
 *
 * <p>Immutable by convention: the arrays are not copied; callers must not modify them.
 *
 * @param t times in milliseconds since the epoch, ascending
 * @param v mean values
 * @param min minimum of each point's samples
 * @param max maximum of each point's samples
 * @param stepMillis the bucket width when downsampled, 0 for raw samples
 */
public record SeriesData(long[] t, double[] v, double[] min, double[] max, long stepMillis) {
  public static final SeriesData EMPTY =
      new SeriesData(new long[0], new double[0], new double[0], new double[0], 0);

  public int size() {
    return t.length;
  }

  public boolean isEmpty() {
    return t.length == 0;
  }
}
