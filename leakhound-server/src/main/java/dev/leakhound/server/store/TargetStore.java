package dev.leakhound.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Targets, their health, their events and the last verdict per signal. Health and verdicts change
 * on every scrape and evaluation, so they are coalesced in memory (latest wins) and written once
 * per writer round.
 *
 * <p>Thread-safe.
 */
public final class TargetStore {
  private final Database db;
  private final Map<String, Long> ids = new ConcurrentHashMap<>();
  private final Map<Long, TargetHealth> pendingHealth = new ConcurrentHashMap<>();
  private final Map<String, String[]> pendingVerdicts = new ConcurrentHashMap<>();

  TargetStore(Database db) throws SQLException {
    this.db = db;
    db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM target");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              ids.put(rs.getString(2), rs.getLong(1));
            }
          }
          return null;
        });
    db.addRoundHook(this::flush);
  }

  /** The id of target {@code name}, creating or updating its row. */
  public long ensure(String name, String kind, String address, String labelsJson)
      throws SQLException {
    long id =
        db.write(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO target (name, kind, address, labels, created_at)"
                          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                          + " kind = excluded.kind, address = excluded.address,"
                          + " labels = excluded.labels")) {
                p.setString(1, name);
                p.setString(2, kind);
                p.setString(3, address);
                p.setString(4, labelsJson);
                p.setLong(5, System.currentTimeMillis());
                p.executeUpdate();
              }
              try (PreparedStatement p =
                  c.prepareStatement("SELECT id FROM target WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    ids.put(name, id);
    return id;
  }

  /** The id of a target already ensured; throws when unknown. */
  public long id(String name) {
    Long id = ids.get(name);
    if (id == null) {
      throw new IllegalArgumentException("unknown target " + name);
    }
    return id;
  }

  /** The id of a target, or null. */
  public Long idOrNull(String name) {
    return ids.get(name);
  }

  /** Records {@code health} (written with the next round; the latest value wins). */
  public void saveHealth(String name, TargetHealth health) {
    pendingHealth.put(id(name), health);
  }

  /** Records the latest verdict of a signal as JSON (written with the next round). */
  public void saveVerdict(String name, String signal, String verdict, long at, String json) {
    pendingVerdicts.put(
        id(name) + "\u0000" + signal, new String[] {verdict, Long.toString(at), json});
  }

  /** Records an event (written with the next round). */
  public void addEvent(String name, long t, String kind, String detail) {
    long id = id(name);
    db.writeLater(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO event (target_id, t, kind, detail) VALUES (?, ?, ?, ?)")) {
            p.setLong(1, id);
            p.setLong(2, t);
            p.setString(3, kind);
            p.setString(4, detail);
            p.executeUpdate();
          }
          return null;
        });
  }

  private void flush(Connection c) throws SQLException {
    if (!pendingHealth.isEmpty()) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT OR REPLACE INTO target_health (target_id, up, last_scrape, last_success,"
                  + " last_duration_ms, last_error, consecutive_failures, scrapes, errors, lifetime)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Long id : new ArrayList<>(pendingHealth.keySet())) {
          TargetHealth h = pendingHealth.remove(id);
          if (h == null) {
            continue;
          }
          p.setLong(1, id);
          p.setInt(2, h.up() ? 1 : 0);
          p.setLong(3, h.lastScrape());
          p.setLong(4, h.lastSuccess());
          p.setDouble(5, h.lastDurationMs());
          p.setString(6, h.lastError());
          p.setInt(7, h.consecutiveFailures());
          p.setLong(8, h.scrapes());
          p.setLong(9, h.errors());
          p.setString(10, h.lifetime());
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    if (!pendingVerdicts.isEmpty()) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT OR REPLACE INTO verdict (target_id, signal, verdict, evaluated_at, body)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        for (String key : new ArrayList<>(pendingVerdicts.keySet())) {
          String[] v = pendingVerdicts.remove(key);
          if (v == null) {
            continue;
          }
          int sep = key.indexOf('\u0000');
          p.setLong(1, Long.parseLong(key.substring(0, sep)));
          p.setString(2, key.substring(sep + 1));
          p.setString(3, v[0]);
          p.setLong(4, Long.parseLong(v[1]));
          p.setString(5, v[2]);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
  }

  /** The stored health of every target, by name (to carry on after a restart). */
  public Map<String, TargetHealth> allHealth() throws SQLException {
    return db.read(
        c -> {
          Map<String, TargetHealth> out = new HashMap<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT t.name, h.up, h.last_scrape, h.last_success, h.last_duration_ms,"
                          + " h.last_error, h.consecutive_failures, h.scrapes, h.errors, h.lifetime"
                          + " FROM target_health h JOIN target t ON t.id = h.target_id");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.put(
                  rs.getString(1),
                  new TargetHealth(
                      rs.getInt(2) == 1,
                      rs.getLong(3),
                      rs.getLong(4),
                      rs.getDouble(5),
                      rs.getString(6),
                      rs.getInt(7),
                      rs.getLong(8),
                      rs.getLong(9),
                      rs.getString(10)));
            }
          }
          return out;
        });
  }

  /** The stored verdict JSON per target and signal: target -> signal -> JSON. */
  public Map<String, Map<String, String>> allVerdicts() throws SQLException {
    return db.read(
        c -> {
          Map<String, Map<String, String>> out = new HashMap<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT t.name, v.signal, v.body FROM verdict v JOIN target t ON t.id = v.target_id");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                  .put(rs.getString(2), rs.getString(3));
            }
          }
          return out;
        });
  }

  /** Events of {@code name} in {@code [from, to]}, oldest first, at most {@code limit}. */
  public List<EventRecord> events(String name, long from, long to, int limit) throws SQLException {
    return db.list(
        "SELECT e.id, t.name, e.t, e.kind, e.detail FROM event e JOIN target t"
            + " ON t.id = e.target_id WHERE t.name = ? AND e.t BETWEEN ? AND ?"
            + " ORDER BY e.t LIMIT ?",
        rs ->
            new EventRecord(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
        name,
        from,
        to,
        limit);
  }
}
