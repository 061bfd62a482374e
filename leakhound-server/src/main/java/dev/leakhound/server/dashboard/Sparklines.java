package dev.leakhound.server.dashboard;

import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.store.SampleStore;
import dev.leakhound.server.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The overview's sparklines: one signal of every target, averaged into {@code points} equal time
 * buckets, read with one query for all targets rather than one per target (a thousand targets at 15
 * s hold a quarter of a million samples an hour; one grouped scan of the sample table's primary key
 * reads them in a fraction of a second, a thousand separate range reads take several times longer).
 * Ranges that begin before {@code rawSince} read the 5-minute rollups.
 *
 * <p>It reads the store's tables directly ({@code target}, {@code series}, {@code sample}, {@code
 * sample_5m}): keep it in step with {@code store.Migrations}.
 *
 * <p>Stateless and thread-safe. Cost: one query, linear in the samples of the range.
 */
public final class Sparklines {
  private Sparklines() {}

  /**
   * The sparkline of {@code signal} for every target that has samples in {@code [from, to]}, by
   * target name; each holds at most {@code points} points.
   */
  public static Map<String, Spark> read(
      Store store, Signal signal, long from, long to, int points, long rawSince)
      throws SQLException {
    boolean rollups = from < rawSince;
    long step = step(from, to, points, rollups);
    String sql =
        rollups
            ? "SELECT t.name, (x.bucket - ?1) / ?2 AS b, MAX(x.bucket), SUM(x.vsum) / SUM(x.n)"
                + " FROM target t JOIN series s ON s.target_id = t.id"
                + " JOIN sample_5m x ON x.series_id = s.id"
                + " WHERE s.signal = ?4 AND x.bucket BETWEEN ?1 AND ?3"
                + " GROUP BY s.id, b ORDER BY s.id, b"
            : "SELECT t.name, (x.t - ?1) / ?2 AS b, MAX(x.t), AVG(x.v)"
                + " FROM target t JOIN series s ON s.target_id = t.id"
                + " JOIN sample x ON x.series_id = s.id"
                + " WHERE s.signal = ?4 AND x.t BETWEEN ?1 AND ?3"
                + " GROUP BY s.id, b ORDER BY s.id, b";
    long start = rollups ? from - Math.floorMod(from, SampleStore.ROLLUP_MILLIS) : from;
    return store
        .database()
        .read(
            (Connection c) -> {
              Map<String, Builder> byTarget = new HashMap<>();
              long origin = from;
              try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, start);
                p.setLong(2, step);
                p.setLong(3, to);
                p.setString(4, signal.id());
                try (ResultSet rs = p.executeQuery()) {
                  while (rs.next()) {
                    byTarget
                        .computeIfAbsent(rs.getString(1), k -> new Builder())
                        .add((int) ((rs.getLong(3) - origin) / 1000), Math.round(rs.getDouble(4)));
                  }
                }
              }
              Map<String, Spark> out = new HashMap<>(byTarget.size() * 2);
              byTarget.forEach((k, b) -> out.put(k, b.build()));
              return out;
            });
  }

  /** The bucket width: whole rollups per point when reading them (else some points hold two). */
  static long step(long from, long to, int points, boolean rollups) {
    long step = Math.max(1, (to - from + points - 1) / Math.max(1, points));
    long r = SampleStore.ROLLUP_MILLIS;
    return rollups ? Math.max(r, (step + r - 1) / r * r) : step;
  }

  /**
   * A sparkline, compact on the wire (a thousand of them make the overview): times as whole seconds
   * after the range start, and bucket means rounded to whole units (bytes, goroutines).
   *
   * @param t seconds after the range start of each bucket's last sample, ascending
   * @param v bucket means, rounded
   */
  public record Spark(int[] t, long[] v) {
    public static final Spark EMPTY = new Spark(new int[0], new long[0]);

    /** The last value, or NaN when empty. */
    public double last() {
      return v.length == 0 ? Double.NaN : v[v.length - 1];
    }
  }

  private static final class Builder {
    int[] t = new int[16];
    long[] v = new long[16];
    int n;

    void add(int time, long value) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        v = Arrays.copyOf(v, n * 2);
      }
      t[n] = time;
      v[n] = value;
      n++;
    }

    Spark build() {
      return new Spark(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }
  }
}
