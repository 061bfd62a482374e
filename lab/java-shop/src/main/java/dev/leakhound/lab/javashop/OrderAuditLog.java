package dev.leakhound.lab.javashop;

import java.util.HashMap;
import java.util.Map;

/**
 * The audit trail of placed orders, kept for a compliance export that never runs.
 *
 * <p>THE LEAK (static-map-leak): {@link #ENTRIES_BY_ORDER_ID} is a static map that only ever
 * grows; nothing evicts or expires an entry. Root path in a heap dump:
 * {@code static OrderAuditLog.ENTRIES_BY_ORDER_ID -> HashMap.table -> HashMap$Node[] ->
 * HashMap$Node.value -> AuditEntry -> AuditEntry.orderDocument (byte[])}. The remedy is a
 * bounded or time-limited store (or writing the audit trail out instead of keeping it).
 *
 * <p>Thread-safe: all access synchronizes on the class.
 */
final class OrderAuditLog {
    private static final Map<String, AuditEntry> ENTRIES_BY_ORDER_ID = new HashMap<>();

    private OrderAuditLog() {
    }

    static synchronized void record(AuditEntry entry) {
        ENTRIES_BY_ORDER_ID.put(entry.orderId(), entry);
    }

    static synchronized AuditEntry find(String orderId) {
        return ENTRIES_BY_ORDER_ID.get(orderId);
    }
}
