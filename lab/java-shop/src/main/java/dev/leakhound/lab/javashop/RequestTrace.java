package dev.leakhound.lab.javashop;

import java.util.Objects;

/**
 * One served request as shown on the debug page: id, customer, start time and the response
 * as sent. Immutable (the response array is never written after construction).
 */
final class RequestTrace {
    private final String requestId;
    private final String customerId;
    private final long startedAtNanos;
    private final byte[] responseCopy;

    RequestTrace(String requestId, String customerId, long startedAtNanos, byte[] responseCopy) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.startedAtNanos = startedAtNanos;
        this.responseCopy = Objects.requireNonNull(responseCopy, "responseCopy");
    }

    @Override
    public String toString() {
        return "RequestTrace[" + requestId + " " + customerId + " at " + startedAtNanos + ", "
                + responseCopy.length + " bytes]";
    }
}
