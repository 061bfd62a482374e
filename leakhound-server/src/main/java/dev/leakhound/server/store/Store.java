package dev.leakhound.server.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The watch service's SQLite store in the data directory: one file ({@code leakhound.db}, WAL)
 * holding series samples, captured profiles, reports, alert state and the delivery outbox, and
 * target health. Opening it migrates the schema; {@link #applyRetention} rolls samples up into
 * 5-minute buckets and deletes what is older than the retention periods.
 *
 * <p>Thread-safe. See {@link Database} for the write path and durability.
 */
public final class Store implements AutoCloseable {
  private final Database db;
  private final TargetStore targets;
  private final SampleStore samples;
  private final ProfileStore profiles;
  private final ReportStore reports;
  private final AlertStore alerts;

  private Store(Database db) throws SQLException {
    this.db = db;
    this.targets = new TargetStore(db);
    this.samples = new SampleStore(db, targets);
    this.profiles = new ProfileStore(db, targets);
    this.reports = new ReportStore(db, targets);
    this.alerts = new AlertStore(db, targets);
  }

  /** Opens the store in {@code dataDir}; samples are committed every {@code flushMillis}. */
  public static Store open(Path dataDir, long flushMillis) throws SQLException {
    Database db = Database.open(dataDir, flushMillis);
    try {
      return new Store(db);
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public Path file() {
    return db.file();
  }

  public TargetStore targets() {
    return targets;
  }

  public SampleStore samples() {
    return samples;
  }

  public ProfileStore profiles() {
    return profiles;
  }

  public ReportStore reports() {
    return reports;
  }

  public AlertStore alerts() {
    return alerts;
  }

  /** The underlying database, for maintenance tasks. */
  public Database database() {
    return db;
  }

  /**
   * Rolls raw samples up, then deletes raw samples before {@code rawCutoff}, rollups and events
   * before {@code rollupCutoff}, resolved reports before {@code reportCutoff}, profiles before
   * {@code profileCutoff} that no kept report cites, and blobs nothing references. Returns the rows
   * deleted.
   */
  public int applyRetention(
      long now, long rawCutoff, long rollupCutoff, long reportCutoff, long profileCutoff)
      throws SQLException {
    return db.write(
        c -> {
          SampleStore.rollUp(c, now);
          int n = SampleStore.prune(c, rawCutoff, rollupCutoff);
          n += exec(c, "DELETE FROM event WHERE t < ?", rollupCutoff);
          n +=
              exec(
                  c,
                  "DELETE FROM report_profile WHERE report_id IN (SELECT id FROM report WHERE state ="
                      + " 'resolved' AND resolved_at < ?)",
                  reportCutoff);
          n +=
              exec(
                  c,
                  "DELETE FROM report WHERE state = 'resolved' AND resolved_at < ?",
                  reportCutoff);
          n +=
              exec(
                  c,
                  "DELETE FROM profile WHERE t < ? AND id NOT IN (SELECT profile_id FROM report_profile)",
                  profileCutoff);
          n += exec(c, "DELETE FROM blob WHERE id NOT IN (SELECT blob_id FROM profile)");
          n +=
              exec(
                  c,
                  "DELETE FROM delivery WHERE status != 'pending' AND created_at < ?",
                  rollupCutoff);
          return n;
        });
  }

  private static int exec(java.sql.Connection c, String sql, long... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setLong(i + 1, args[i]);
      }
      return p.executeUpdate();
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
