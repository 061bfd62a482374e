package dev.leakhound.lab.javashop;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * threadlocal-leak: GET /api/recommendations?customer=ID suggests products and, for the debug
 * page, records a {@link RequestTrace} (with a copy of the response padded to leak-bytes) in
 * the worker thread's {@link RequestContextHolder} context. Nobody clears the context at the
 * end of the request, and the HTTP workers are pooled, so every request's trace stays.
 * Thread-safe.
 */
final class RecommendationService {
    private static final int SUGGESTIONS = 5;

    private final int traceBytes;
    private final AtomicLong nextRequestId = new AtomicLong(1);

    RecommendationService(int traceBytes) {
        this.traceBytes = traceBytes;
    }

    ShopResponse recommend(ShopRequest request) {
        String customer = request.queryParam("customer",
                "c-" + ThreadLocalRandom.current().nextInt(1, 50_000));
        String requestId = "req-" + nextRequestId.getAndIncrement();
        StringBuilder json = new StringBuilder("{\"customer\":").append(Json.quote(customer))
                .append(",\"products\":[");
        int seed = customer.hashCode();
        for (int i = 0; i < SUGGESTIONS; i++) {
            json.append(i == 0 ? "" : ",").append(Json.quote("SKU-" + (1000 + Math.floorMod(seed * 31 + i * 7919, 9000))));
        }
        String response = json.append("]}").toString();

        RequestContextHolder.current().record(new RequestTrace(requestId, customer, System.nanoTime(),
                Payloads.document(requestId + " " + response + "\n", traceBytes)));
        // BUG (the leak): RequestContextHolder.clear() belongs in a finally block here.
        return ShopResponse.ok(response);
    }
}
