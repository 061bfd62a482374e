package dev.leakhound.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, as an ordered list of migrations. A database records the number of migrations
 * applied ({@code PRAGMA user_version}); opening it applies the missing ones in one transaction
 * each, so an old data directory is carried forward and a newer one is refused rather than misread.
 * Never edit a released migration: append a new one.
 *
 * <p>Stateless and thread-safe.
 */
final class Migrations {
  /** Each entry is one migration: statements separated by ';' at line ends. */
  static final List<String> ALL =
      List.of(
          """
          CREATE TABLE target (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            labels TEXT NOT NULL DEFAULT '{}',
            created_at INTEGER NOT NULL
          );
          CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            target_id INTEGER NOT NULL REFERENCES target(id),
            signal TEXT NOT NULL,
            UNIQUE (target_id, signal)
          );
          CREATE TABLE sample (
            series_id INTEGER NOT NULL,
            t INTEGER NOT NULL,
            v REAL NOT NULL,
            PRIMARY KEY (series_id, t)
          ) WITHOUT ROWID;
          CREATE TABLE sample_5m (
            series_id INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            n INTEGER NOT NULL,
            vmin REAL NOT NULL,
            vmax REAL NOT NULL,
            vsum REAL NOT NULL,
            vlast REAL NOT NULL,
            PRIMARY KEY (series_id, bucket)
          ) WITHOUT ROWID;
          CREATE TABLE target_health (
            target_id INTEGER PRIMARY KEY REFERENCES target(id),
            up INTEGER NOT NULL,
            last_scrape INTEGER NOT NULL,
            last_success INTEGER NOT NULL DEFAULT 0,
            last_duration_ms REAL NOT NULL,
            last_error TEXT NOT NULL DEFAULT '',
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            scrapes INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            lifetime TEXT NOT NULL DEFAULT ''
          );
          CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            target_id INTEGER NOT NULL REFERENCES target(id),
            t INTEGER NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
          );
          CREATE INDEX event_by_target_time ON event (target_id, t);
          CREATE TABLE verdict (
            target_id INTEGER NOT NULL REFERENCES target(id),
            signal TEXT NOT NULL,
            verdict TEXT NOT NULL,
            evaluated_at INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (target_id, signal)
          );
          CREATE TABLE blob (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            content BLOB NOT NULL
          );
          CREATE TABLE profile (
            id INTEGER PRIMARY KEY,
            target_id INTEGER NOT NULL REFERENCES target(id),
            kind TEXT NOT NULL,
            t INTEGER NOT NULL,
            role TEXT NOT NULL,
            lifetime TEXT NOT NULL DEFAULT '',
            blob_id INTEGER NOT NULL REFERENCES blob(id)
          );
          CREATE INDEX profile_by_target_time ON profile (target_id, t);
          CREATE TABLE report (
            id INTEGER PRIMARY KEY,
            target_id INTEGER NOT NULL REFERENCES target(id),
            state TEXT NOT NULL,
            verdict TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            resolved_at INTEGER,
            resolved_reason TEXT NOT NULL DEFAULT '',
            lifetime TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL
          );
          CREATE INDEX report_by_target ON report (target_id, opened_at);
          CREATE TABLE report_profile (
            report_id INTEGER NOT NULL REFERENCES report(id),
            profile_id INTEGER NOT NULL REFERENCES profile(id),
            PRIMARY KEY (report_id, profile_id)
          );
          CREATE TABLE alert (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            rule TEXT NOT NULL,
            target_id INTEGER NOT NULL REFERENCES target(id),
            state TEXT NOT NULL,
            labels TEXT NOT NULL,
            annotations TEXT NOT NULL,
            active_since INTEGER NOT NULL,
            fired_at INTEGER,
            resolved_at INTEGER,
            last_sent_at INTEGER NOT NULL DEFAULT 0,
            value REAL
          );
          CREATE TABLE delivery (
            id INTEGER PRIMARY KEY,
            alert_id INTEGER NOT NULL REFERENCES alert(id),
            receiver TEXT NOT NULL,
            status TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            delivered_at INTEGER
          );
          CREATE INDEX delivery_pending ON delivery (status, next_attempt_at);
          CREATE INDEX delivery_by_alert ON delivery (alert_id);
          """);

  private Migrations() {}

  /** Brings {@code c} to the latest schema; returns the version it was at. */
  static int migrate(Connection c, String file) throws SQLException {
    int version;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > ALL.size()) {
      throw new SQLException(
          file
              + " was written by a newer Leakhound (schema "
              + version
              + ", this one knows "
              + ALL.size()
              + "); use that version or another data directory");
    }
    for (int v = version; v < ALL.size(); v++) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String stmt : ALL.get(v).split(";\\s*\\n")) {
          if (!stmt.isBlank()) {
            s.execute(stmt);
          }
        }
        s.execute("PRAGMA user_version = " + (v + 1));
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
    return version;
  }
}
