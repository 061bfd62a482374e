package dev.leakhound.server.store;

import java.util.Map;

/**
 * An alert's state: one row per rule and target (its fingerprint), reused when it fires again.
 *
 * <p>Immutable.
 *
 * @param id the row id (0 before it is stored)
 * @param fingerprint rule + target: identifies the alert across firings
 * @param rule the rule name ({@code alertname})
 * @param target the target name
 * @param state {@code pending} (condition true, waiting out {@code for}), {@code firing}, {@code
 *     resolved}
 * @param labels the labels sent to receivers
 * @param annotations the annotations sent to receivers
 * @param activeSince when the condition became true (ms)
 * @param firedAt when it started firing (ms), or 0
 * @param resolvedAt when it resolved (ms), or 0
 * @param lastSentAt when it was last queued for the receivers (ms)
 * @param value the value that met the condition (threshold rules), or NaN
 */
public record AlertRecord(
    long id,
    String fingerprint,
    String rule,
    String target,
    String state,
    Map<String, String> labels,
    Map<String, String> annotations,
    long activeSince,
    long firedAt,
    long resolvedAt,
    long lastSentAt,
    double value) {
  public static final String PENDING = "pending";
  public static final String FIRING = "firing";
  public static final String RESOLVED = "resolved";

  public AlertRecord {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  public AlertRecord withId(long newId) {
    return new AlertRecord(
        newId,
        fingerprint,
        rule,
        target,
        state,
        labels,
        annotations,
        activeSince,
        firedAt,
        resolvedAt,
        lastSentAt,
        value);
  }
}
