package dev.leakhound.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.ProfileRefs;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Leak reports, stored as their JSON with the columns needed to list and filter them, and linked to
 * the profiles they cite so retention keeps those profiles as long as the report.
 *
 * <p>Thread-safe.
 */
public final class ReportStore {
  private static final ObjectMapper JSON = JsonRenderer.mapper();

  private final Database db;
  private final TargetStore targets;

  ReportStore(Database db, TargetStore targets) {
    this.db = db;
    this.targets = targets;
  }

  /** Inserts a new report; returns it with its id. */
  public LeakReport insert(LeakReport report, long openedAtMillis) throws SQLException {
    long targetId = targets.id(report.target());
    long id =
        db.write(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO report (target_id, state, verdict, opened_at, updated_at,"
                          + " lifetime, body) VALUES (?, ?, ?, ?, ?, ?, '{}')",
                      Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, targetId);
                p.setString(2, report.state());
                p.setString(3, report.verdict());
                p.setLong(4, openedAtMillis);
                p.setLong(5, openedAtMillis);
                p.setString(6, report.lifetime());
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    LeakReport withId = report.withId(id);
    update(withId, openedAtMillis, null);
    return withId;
  }

  /** Replaces a report's content; {@code resolvedAtMillis} is null while it is open. */
  public void update(LeakReport report, long updatedAtMillis, Long resolvedAtMillis)
      throws SQLException {
    String body = toJson(report);
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE report SET state = ?, verdict = ?, updated_at = ?, resolved_at = ?,"
                      + " resolved_reason = ?, body = ? WHERE id = ?")) {
            p.setString(1, report.state());
            p.setString(2, report.verdict());
            p.setLong(3, updatedAtMillis);
            if (resolvedAtMillis == null) {
              p.setNull(4, java.sql.Types.INTEGER);
            } else {
              p.setLong(4, resolvedAtMillis);
            }
            p.setString(5, report.resolvedReason());
            p.setString(6, body);
            p.setLong(7, report.id());
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO report_profile (report_id, profile_id) VALUES (?, ?)")) {
            ProfileRefs r = report.profiles();
            for (Long pid :
                Stream.of(
                        r.baselineHeap(),
                        r.currentHeap(),
                        r.baselineGoroutines(),
                        r.currentGoroutines(),
                        r.goroutineDump(),
                        r.goroutineLeak(),
                        r.heapDiff())
                    .filter(java.util.Objects::nonNull)
                    .toList()) {
              p.setLong(1, report.id());
              p.setLong(2, pid);
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  /** Report {@code id}, or null. */
  public LeakReport get(long id) throws SQLException {
    List<LeakReport> l = query("WHERE r.id = ?", id);
    return l.isEmpty() ? null : l.get(0);
  }

  /**
   * Reports newest first, filtered by target (null: all) and state (null: both), at most {@code
   * limit}.
   */
  public List<LeakReport> list(String target, String state, int limit) throws SQLException {
    StringBuilder where = new StringBuilder("WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (target != null) {
      where.append(" AND t.name = ?");
      args.add(target);
    }
    if (state != null) {
      where.append(" AND r.state = ?");
      args.add(state);
    }
    where.append(" ORDER BY r.opened_at DESC, r.id DESC LIMIT ?");
    args.add(limit);
    return query(where.toString(), args.toArray());
  }

  private List<LeakReport> query(String where, Object... args) throws SQLException {
    return db.list(
        "SELECT r.body FROM report r JOIN target t ON t.id = r.target_id " + where,
        rs -> fromJson(rs.getString(1)),
        args);
  }

  private static String toJson(LeakReport r) throws SQLException {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot serialise report " + r.id(), e);
    }
  }

  private static LeakReport fromJson(String json) throws SQLException {
    try {
      return JSON.readValue(json, LeakReport.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot read a stored report: " + e.getOriginalMessage(), e);
    }
  }
}
