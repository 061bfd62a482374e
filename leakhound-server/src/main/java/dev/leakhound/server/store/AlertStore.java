package dev.leakhound.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakhound.analysis.render.JsonRenderer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Alert state and the delivery outbox. The outbox is what makes alerting durable: a message is
 * committed before it is sent, so a receiver that is down (or a Leakhound restart) delays delivery
 * instead of losing it.
 *
 * <p>Thread-safe.
 */
public final class AlertStore {
  private static final ObjectMapper JSON = JsonRenderer.mapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private final Database db;
  private final TargetStore targets;

  AlertStore(Database db, TargetStore targets) {
    this.db = db;
    this.targets = targets;
  }

  /** Inserts or updates {@code a} (by fingerprint); returns it with its id. */
  public AlertRecord save(AlertRecord a) throws SQLException {
    long targetId = targets.id(a.target());
    String labels = json(a.labels());
    String annotations = json(a.annotations());
    long id =
        db.write(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO alert (fingerprint, rule, target_id, state, labels, annotations,"
                          + " active_since, fired_at, resolved_at, last_sent_at, value)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO"
                          + " UPDATE SET state = excluded.state, labels = excluded.labels,"
                          + " annotations = excluded.annotations, active_since ="
                          + " excluded.active_since, fired_at = excluded.fired_at, resolved_at ="
                          + " excluded.resolved_at, last_sent_at = excluded.last_sent_at,"
                          + " value = excluded.value",
                      Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, a.fingerprint());
                p.setString(2, a.rule());
                p.setLong(3, targetId);
                p.setString(4, a.state());
                p.setString(5, labels);
                p.setString(6, annotations);
                p.setLong(7, a.activeSince());
                p.setLong(8, a.firedAt());
                p.setLong(9, a.resolvedAt());
                p.setLong(10, a.lastSentAt());
                p.setDouble(11, Double.isNaN(a.value()) ? 0 : a.value());
                p.executeUpdate();
              }
              try (PreparedStatement p =
                  c.prepareStatement("SELECT id FROM alert WHERE fingerprint = ?")) {
                p.setString(1, a.fingerprint());
                try (ResultSet rs = p.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    return a.withId(id);
  }

  /** Alerts, most recently active first; {@code state} null for all. */
  public List<AlertRecord> list(String state, int limit) throws SQLException {
    String sql =
        "SELECT a.id, a.fingerprint, a.rule, t.name, a.state, a.labels, a.annotations,"
            + " a.active_since, a.fired_at, a.resolved_at, a.last_sent_at, a.value"
            + " FROM alert a JOIN target t ON t.id = a.target_id"
            + (state == null ? "" : " WHERE a.state = ?")
            + " ORDER BY a.active_since DESC LIMIT ?";
    Database.Row<AlertRecord> row =
        rs ->
            new AlertRecord(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                map(rs.getString(6)),
                map(rs.getString(7)),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getDouble(12));
    return state == null ? db.list(sql, row, limit) : db.list(sql, row, state, limit);
  }

  /**
   * Queues a message; with {@code supersede}, pending messages for the same alert and receiver are
   * dropped first (Alertmanager only needs the latest state).
   */
  public void enqueue(long alertId, String receiver, String payload, long now, boolean supersede)
      throws SQLException {
    db.write(
        c -> {
          if (supersede) {
            try (PreparedStatement p =
                c.prepareStatement(
                    "UPDATE delivery SET status = 'superseded' WHERE alert_id = ? AND receiver = ?"
                        + " AND status = 'pending'")) {
              p.setLong(1, alertId);
              p.setString(2, receiver);
              p.executeUpdate();
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO delivery (alert_id, receiver, status, payload, created_at,"
                      + " next_attempt_at) VALUES (?, ?, 'pending', ?, ?, ?)")) {
            p.setLong(1, alertId);
            p.setString(2, receiver);
            p.setString(3, payload);
            p.setLong(4, now);
            p.setLong(5, now);
            p.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Messages due at {@code now}: per alert and receiver only the oldest pending one, so a webhook
   * sees "firing" before "resolved".
   */
  public List<DeliveryRecord> due(long now, int limit) throws SQLException {
    return deliveries(
        "WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND d.id = (SELECT MIN(o.id) FROM"
            + " delivery o WHERE o.alert_id = d.alert_id AND o.receiver = d.receiver AND o.status"
            + " = 'pending') ORDER BY d.id LIMIT ?",
        now,
        limit);
  }

  /** The messages about alert {@code alertId}, oldest first. */
  public List<DeliveryRecord> forAlert(long alertId) throws SQLException {
    return deliveries("WHERE d.alert_id = ? ORDER BY d.id", alertId);
  }

  /** Pending messages per receiver. */
  public Map<String, Long> pendingByReceiver() throws SQLException {
    return db.read(
        c -> {
          Map<String, Long> out = new java.util.TreeMap<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT receiver, COUNT(*) FROM delivery WHERE status = 'pending' GROUP BY receiver");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  /** Records the outcome of an attempt. */
  public void attempted(
      long id, String status, int attempts, long nextAttemptAt, String error, long now)
      throws SQLException {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                      + " delivered_at = ? WHERE id = ?")) {
            p.setString(1, status);
            p.setInt(2, attempts);
            p.setLong(3, nextAttemptAt);
            p.setString(4, error);
            if (DeliveryRecord.DELIVERED.equals(status)) {
              p.setLong(5, now);
            } else {
              p.setNull(5, java.sql.Types.INTEGER);
            }
            p.setLong(6, id);
            p.executeUpdate();
          }
          return null;
        });
  }

  private List<DeliveryRecord> deliveries(String where, Object... args) throws SQLException {
    return db.list(
        "SELECT d.id, d.alert_id, d.receiver, d.status, d.payload, d.created_at,"
            + " d.next_attempt_at, d.attempts, d.last_error, COALESCE(d.delivered_at, 0)"
            + " FROM delivery d "
            + where,
        rs ->
            new DeliveryRecord(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getInt(8),
                rs.getString(9),
                rs.getLong(10)),
        args);
  }

  private static String json(Map<String, String> m) throws SQLException {
    try {
      return JSON.writeValueAsString(new java.util.TreeMap<>(m));
    } catch (JsonProcessingException e) {
      throw new SQLException(e);
    }
  }

  private static Map<String, String> map(String json) throws SQLException {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new SQLException(e);
    }
  }
}
