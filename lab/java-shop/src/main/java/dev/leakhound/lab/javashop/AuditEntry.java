package dev.leakhound.lab.javashop;

import java.util.Objects;

/**
 * One audited order: who, when, how much, and the full order document as confirmed.
 * Immutable (the document array is never written after construction).
 */
final class AuditEntry {
    private final String orderId;
    private final String customerId;
    private final long placedAtMillis;
    private final int itemCount;
    private final long totalCents;
    private final byte[] orderDocument;

    AuditEntry(String orderId, String customerId, long placedAtMillis, int itemCount, long totalCents,
            byte[] orderDocument) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.placedAtMillis = placedAtMillis;
        this.itemCount = itemCount;
        this.totalCents = totalCents;
        this.orderDocument = Objects.requireNonNull(orderDocument, "orderDocument");
    }

    String orderId() {
        return orderId;
    }

    @Override
    public String toString() {
        return "AuditEntry[" + orderId + " " + customerId + " at " + placedAtMillis + ", " + itemCount
                + " items, " + totalCents + " cents, " + orderDocument.length + " document bytes]";
    }
}
