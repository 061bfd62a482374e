package dev.leakhound.server.store;

/**
 * One message to one receiver in the outbox: queued when an alert fires, is re-sent or resolves;
 * retried with backoff until delivered or given up.
 *
 * <p>Immutable.
 *
 * @param id the row id
 * @param alertId the alert it is about
 * @param receiver the receiver name
 * @param status {@code pending}, {@code delivered}, {@code failed} (gave up) or {@code superseded}
 *     (a newer message for the same alert replaced it before it went out)
 * @param payload the JSON body to POST
 * @param createdAt when it was queued (ms)
 * @param nextAttemptAt when it is next tried (ms)
 * @param attempts attempts so far
 * @param lastError the last failure, or empty
 * @param deliveredAt when it was delivered (ms), or 0
 */
public record DeliveryRecord(
    long id,
    long alertId,
    String receiver,
    String status,
    String payload,
    long createdAt,
    long nextAttemptAt,
    int attempts,
    String lastError,
    long deliveredAt) {
  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
  public static final String SUPERSEDED = "superseded";
}
