package dev.leakhound.server.store;

import dev.leakhound.server.signal.Signal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Series samples: appended into a memory buffer that the writer flushes once per round in one
 * batched transaction (a thousand targets at 15 s is ~700 rows a second: a few milliseconds of
 * SQLite work per round), read back raw or downsampled to a number of points, and rolled up into
 * 5-minute buckets (min, max, sum, count, last) for long ranges and long retention.
 *
 * <p>Thread-safe.
 */
public final class SampleStore {
  /** Width of the rollup buckets. */
  public static final long ROLLUP_MILLIS = 5 * 60_000L;

  private final Database db;
  private final TargetStore targets;
  private final Object lock = new Object();
  private final Map<String, Long> seriesIds = new HashMap<>();
  private final AtomicLong written = new AtomicLong();
  private List<Row> buffer = new ArrayList<>();

  private record Row(long targetId, String signal, long t, double v) {}

  SampleStore(Database db, TargetStore targets) {
    this.db = db;
    this.targets = targets;
    db.addRoundHook(this::flush);
  }

  /** Buffers one scrape's values; they are committed within one flush interval. */
  public void append(String target, long t, Map<Signal, Double> values) {
    long id = targets.id(target);
    synchronized (lock) {
      for (Map.Entry<Signal, Double> e : values.entrySet()) {
        double v = e.getValue();
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
          buffer.add(new Row(id, e.getKey().id(), t, v));
        }
      }
    }
  }

  /** Samples committed so far by this process. */
  public long written() {
    return written.get();
  }

  private void flush(Connection c) throws SQLException {
    List<Row> rows;
    synchronized (lock) {
      if (buffer.isEmpty()) {
        return;
      }
      rows = buffer;
      buffer = new ArrayList<>(rows.size());
    }
    try (PreparedStatement ins =
        c.prepareStatement("INSERT OR REPLACE INTO sample (series_id, t, v) VALUES (?, ?, ?)")) {
      for (Row r : rows) {
        ins.setLong(1, seriesId(c, r.targetId, r.signal));
        ins.setLong(2, r.t);
        ins.setDouble(3, r.v);
        ins.addBatch();
      }
      ins.executeBatch();
    }
    written.addAndGet(rows.size());
  }

  private long seriesId(Connection c, long targetId, String signal) throws SQLException {
    String key = targetId + "/" + signal;
    Long id = seriesIds.get(key);
    if (id != null) {
      return id;
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT OR IGNORE INTO series (target_id, signal) VALUES (?, ?)")) {
      p.setLong(1, targetId);
      p.setString(2, signal);
      p.executeUpdate();
    }
    id = lookupSeries(c, targetId, signal);
    seriesIds.put(key, id);
    return id;
  }

  /** The series id of {@code target}'s {@code signal}, or null when either was never stored. */
  private Long seriesOrNull(Connection c, String target, Signal signal) throws SQLException {
    Long targetId = targets.idOrNull(target);
    return targetId == null ? null : lookupSeries(c, targetId, signal.id());
  }

  private static Long lookupSeries(Connection c, long targetId, String signal) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT id FROM series WHERE target_id = ? AND signal = ?")) {
      p.setLong(1, targetId);
      p.setString(2, signal);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The signals stored for {@code target}. */
  public List<String> signals(String target) throws SQLException {
    return db.list(
        "SELECT s.signal FROM series s JOIN target t ON t.id = s.target_id"
            + " WHERE t.name = ? ORDER BY s.signal",
        rs -> rs.getString(1),
        target);
  }

  /**
   * Samples of one series in {@code [from, to]}, at most {@code maxPoints} of them: raw when they
   * fit, else averaged into equal time buckets (each point keeps its bucket's min and max). Ranges
   * that reach past {@code rawSince} read the 5-minute rollups.
   */
  public SeriesData range(
      String target, Signal signal, long from, long to, int maxPoints, long rawSince)
      throws SQLException {
    return db.read(
        c -> {
          Long id = seriesOrNull(c, target, signal);
          if (id == null || to < from) {
            return SeriesData.EMPTY;
          }
          boolean rollups = from < rawSince;
          long step = Math.max(1, (to - from + 1 + maxPoints - 1) / Math.max(1, maxPoints));
          if (!rollups && count(c, id, from, to) <= maxPoints) {
            return raw(c, id, from, to);
          }
          return bucketed(c, id, from, to, rollups ? Math.max(step, ROLLUP_MILLIS) : step, rollups);
        });
  }

  /**
   * The raw samples of one series in {@code [from, to]}; when there are more than {@code
   * maxPoints}, every k-th (keeping the last), so times stay those of real scrapes and line up with
   * the other signals of the same scrapes.
   */
  public SeriesData raw(String target, Signal signal, long from, long to, int maxPoints)
      throws SQLException {
    return db.read(
        c -> {
          Long id = seriesOrNull(c, target, signal);
          if (id == null || to < from) {
            return SeriesData.EMPTY;
          }
          SeriesData all = raw(c, id, from, to);
          int n = all.size();
          if (n <= maxPoints) {
            return all;
          }
          int stride = (n + maxPoints - 1) / maxPoints;
          int kept = (n - 1) / stride + 1;
          long[] t = new long[kept];
          double[] v = new double[kept];
          int start = (n - 1) % stride;
          for (int i = start, k = 0; i < n; i += stride, k++) {
            t[k] = all.t()[i];
            v[k] = all.v()[i];
          }
          return new SeriesData(t, v, v, v, 0);
        });
  }

  private static long count(Connection c, long id, long from, long to) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT COUNT(*) FROM sample WHERE series_id = ? AND t BETWEEN ? AND ?")) {
      p.setLong(1, id);
      p.setLong(2, from);
      p.setLong(3, to);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static SeriesData raw(Connection c, long id, long from, long to) throws SQLException {
    Columns cols = new Columns();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT t, v FROM sample WHERE series_id = ? AND t BETWEEN ? AND ? ORDER BY t")) {
      p.setLong(1, id);
      p.setLong(2, from);
      p.setLong(3, to);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          double v = rs.getDouble(2);
          cols.add(rs.getLong(1), v, v, v);
        }
      }
    }
    return cols.build(0);
  }

  private static SeriesData bucketed(
      Connection c, long id, long from, long to, long step, boolean rollups) throws SQLException {
    String sql =
        rollups
            ? "SELECT (bucket - ?) / ? AS b, MIN(bucket), SUM(vsum) / SUM(n), MIN(vmin), MAX(vmax)"
                + " FROM sample_5m WHERE series_id = ? AND bucket BETWEEN ? AND ?"
                + " GROUP BY b ORDER BY b"
            : "SELECT (t - ?) / ? AS b, CAST(AVG(t) AS INTEGER), AVG(v), MIN(v), MAX(v)"
                + " FROM sample WHERE series_id = ? AND t BETWEEN ? AND ? GROUP BY b ORDER BY b";
    Columns cols = new Columns();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, from);
      p.setLong(2, step);
      p.setLong(3, id);
      p.setLong(4, rollups ? from - from % ROLLUP_MILLIS : from);
      p.setLong(5, to);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          cols.add(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
        }
      }
    }
    return cols.build(step);
  }

  /**
   * Rolls raw samples up into 5-minute buckets, for every complete bucket after the last one rolled
   * up, up to {@code until}. Runs on the writer (inside a {@link Database#write}).
   */
  static void rollUp(Connection c, long until) throws SQLException {
    long end = until - until % ROLLUP_MILLIS;
    // Per series, so each statement is a range scan of the primary key, never a table scan.
    List<Long> ids = seriesIds(c);
    try (PreparedStatement last =
            c.prepareStatement("SELECT MAX(bucket) FROM sample_5m WHERE series_id = ?");
        PreparedStatement roll =
            c.prepareStatement(
                "INSERT OR REPLACE INTO sample_5m (series_id, bucket, n, vmin, vmax, vsum, vlast)"
                    + " SELECT series_id, t - t % ?1, COUNT(*), MIN(v), MAX(v), SUM(v),"
                    + "   (SELECT l.v FROM sample l WHERE l.series_id = ?2"
                    + "      AND l.t < s.t - s.t % ?1 + ?1 ORDER BY l.t DESC LIMIT 1)"
                    + " FROM sample s WHERE series_id = ?2 AND t >= ?3 AND t < ?4"
                    + " GROUP BY t - t % ?1")) {
      for (long id : ids) {
        last.setLong(1, id);
        long from = 0;
        try (ResultSet rs = last.executeQuery()) {
          if (rs.next()) {
            long b = rs.getLong(1);
            from = rs.wasNull() ? 0 : b + ROLLUP_MILLIS;
          }
        }
        if (from >= end) {
          continue;
        }
        roll.setLong(1, ROLLUP_MILLIS);
        roll.setLong(2, id);
        roll.setLong(3, from);
        roll.setLong(4, end);
        roll.executeUpdate();
      }
    }
  }

  private static List<Long> seriesIds(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM series");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** Deletes raw samples before {@code rawCutoff} and rollups before {@code rollupCutoff}. */
  static int prune(Connection c, long rawCutoff, long rollupCutoff) throws SQLException {
    int n = 0;
    List<Long> ids = seriesIds(c);
    try (PreparedStatement raw =
            c.prepareStatement("DELETE FROM sample WHERE series_id = ? AND t < ?");
        PreparedStatement roll =
            c.prepareStatement("DELETE FROM sample_5m WHERE series_id = ? AND bucket < ?")) {
      for (long id : ids) {
        raw.setLong(1, id);
        raw.setLong(2, rawCutoff);
        n += raw.executeUpdate();
        roll.setLong(1, id);
        roll.setLong(2, rollupCutoff);
        n += roll.executeUpdate();
      }
    }
    return n;
  }

  /** Growable parallel arrays. */
  private static final class Columns {
    long[] t = new long[64];
    double[] v = new double[64];
    double[] min = new double[64];
    double[] max = new double[64];
    int n;

    void add(long time, double value, double lo, double hi) {
      if (n == t.length) {
        int cap = n * 2;
        t = java.util.Arrays.copyOf(t, cap);
        v = java.util.Arrays.copyOf(v, cap);
        min = java.util.Arrays.copyOf(min, cap);
        max = java.util.Arrays.copyOf(max, cap);
      }
      t[n] = time;
      v[n] = value;
      min[n] = lo;
      max[n] = hi;
      n++;
    }

    SeriesData build(long step) {
      return new SeriesData(
          java.util.Arrays.copyOf(t, n),
          java.util.Arrays.copyOf(v, n),
          java.util.Arrays.copyOf(min, n),
          java.util.Arrays.copyOf(max, n),
          step);
    }
  }
}
