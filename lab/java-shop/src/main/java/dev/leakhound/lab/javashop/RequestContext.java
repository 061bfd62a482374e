package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.List;

/**
 * What one worker thread remembers about the requests it served: traces for the debug page.
 * Meant to live for one request; see {@link RequestContextHolder} for why it does not.
 * Not thread-safe: owned by one thread through its ThreadLocal.
 */
final class RequestContext {
    private final List<RequestTrace> traces = new ArrayList<>();

    void record(RequestTrace trace) {
        traces.add(trace);
    }
}
