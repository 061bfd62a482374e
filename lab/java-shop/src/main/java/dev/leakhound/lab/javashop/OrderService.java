package dev.leakhound.lab.javashop;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * static-map-leak: POST /api/orders places an order and files an audit copy in
 * {@link OrderAuditLog}, which keeps every entry forever (no retention, no pruning). Each
 * order retains one {@link AuditEntry} holding a document of leak-bytes. Thread-safe.
 */
final class OrderService {
    private final int documentBytes;
    private final AtomicLong nextOrderNumber = new AtomicLong(100_000);

    OrderService(int documentBytes) {
        this.documentBytes = documentBytes;
    }

    ShopResponse placeOrder(ShopRequest request) {
        String customer = Json.text(request.body(), "customer", "guest");
        List<String> skus = Json.texts(request.body(), "sku");
        List<String> quantities = Json.texts(request.body(), "qty");
        List<String> prices = Json.texts(request.body(), "priceCents");
        long totalCents = 0;
        for (int i = 0; i < skus.size(); i++) {
            totalCents += parseOr(quantities, i, 1) * parseOr(prices, i, 999);
        }
        String orderId = "ord-" + nextOrderNumber.getAndIncrement();
        String confirmation = "order " + orderId + " for " + customer + ", " + skus.size() + " items, total "
                + totalCents + " cents; request " + request.body() + "\n";
        OrderAuditLog.record(new AuditEntry(orderId, customer, System.currentTimeMillis(), skus.size(),
                totalCents, Payloads.document(confirmation, documentBytes)));
        return ShopResponse.ok("{\"orderId\":" + Json.quote(orderId) + ",\"status\":\"placed\",\"totalCents\":"
                + totalCents + "}");
    }

    private static long parseOr(List<String> values, int index, long fallback) {
        if (index >= values.size()) {
            return fallback;
        }
        try {
            return Long.parseLong(values.get(index));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
