package dev.leakhound.server.store;

import dev.leakhound.formats.io.Inputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Captured profiles: stored gzipped (pprof profiles already are; text dumps are gzipped here) and
 * deduplicated by the SHA-256 of their uncompressed content, so an idle service's identical
 * baselines cost one copy.
 *
 * <p>Thread-safe. Saving hashes and (for text) compresses the content: O(size).
 */
public final class ProfileStore {
  private final Database db;
  private final TargetStore targets;

  ProfileStore(Database db, TargetStore targets) {
    this.db = db;
    this.targets = targets;
  }

  /** Stores {@code content} (gzipped or plain) and returns the new profile's record. */
  public ProfileRecord save(
      String target, String kind, long t, String role, String lifetime, byte[] content)
      throws SQLException {
    byte[] plain = Inputs.isGzip(content) ? gunzip(content) : content;
    byte[] gz = Inputs.isGzip(content) ? content : gzip(content);
    String sha = sha256(plain);
    long targetId = targets.id(target);
    long id =
        db.write(
            c -> {
              long blobId;
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO blob (sha256, size, content) VALUES (?, ?, ?)"
                          + " ON CONFLICT(sha256) DO NOTHING")) {
                p.setString(1, sha);
                p.setLong(2, gz.length);
                p.setBytes(3, gz);
                p.executeUpdate();
              }
              try (PreparedStatement p =
                  c.prepareStatement("SELECT id FROM blob WHERE sha256 = ?")) {
                p.setString(1, sha);
                try (ResultSet rs = p.executeQuery()) {
                  rs.next();
                  blobId = rs.getLong(1);
                }
              }
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO profile (target_id, kind, t, role, lifetime, blob_id)"
                          + " VALUES (?, ?, ?, ?, ?, ?)",
                      Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, targetId);
                p.setString(2, kind);
                p.setLong(3, t);
                p.setString(4, role);
                p.setString(5, lifetime);
                p.setLong(6, blobId);
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    return new ProfileRecord(id, target, kind, t, role, lifetime, gz.length, sha);
  }

  /** The stored (gzipped) bytes of profile {@code id}, or null. */
  public byte[] content(long id) throws SQLException {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT b.content FROM profile p JOIN blob b ON b.id = p.blob_id WHERE p.id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? rs.getBytes(1) : null;
            }
          }
        });
  }

  /** Profile {@code id}'s metadata, or null. */
  public ProfileRecord get(long id) throws SQLException {
    List<ProfileRecord> l = query("WHERE p.id = ?", id);
    return l.isEmpty() ? null : l.get(0);
  }

  /** The profiles of {@code target}, newest first, at most {@code limit}. */
  public List<ProfileRecord> list(String target, int limit) throws SQLException {
    return query("WHERE t.name = ? ORDER BY p.t DESC LIMIT ?", target, limit);
  }

  private List<ProfileRecord> query(String where, Object... args) throws SQLException {
    return db.list(
        "SELECT p.id, t.name, p.kind, p.t, p.role, p.lifetime, b.size, b.sha256"
            + " FROM profile p JOIN target t ON t.id = p.target_id"
            + " JOIN blob b ON b.id = p.blob_id "
            + where,
        rs ->
            new ProfileRecord(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getString(8)),
        args);
  }

  /** Uncompresses stored bytes. */
  public static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
