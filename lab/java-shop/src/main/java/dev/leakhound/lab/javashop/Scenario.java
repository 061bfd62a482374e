package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.List;

/** The scenarios the shop can enable, by their command-line label. */
enum Scenario {
    /** Leak: every order is kept in {@code OrderAuditLog.ENTRIES_BY_ORDER_ID}, never pruned. */
    STATIC_MAP_LEAK("static-map-leak"),
    /** Leak: every checkout registers a {@code CheckoutPriceListener} with {@code PriceFeed.INSTANCE}. */
    LISTENER_LEAK("listener-leak"),
    /** Leak: {@code RequestContextHolder.CONTEXT} grows per pooled worker thread, never removed. */
    THREADLOCAL_LEAK("threadlocal-leak"),
    /** Control: an LRU product-page cache, capped; warms up then stays flat. */
    BOUNDED_CACHE("bounded-cache"),
    /** Control: report rendering holds a workspace only while a request is in flight. */
    LOAD_FOLLOW("load-follow"),
    /** Control: search with heavy allocation churn and nothing retained. */
    STEADY("steady");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Scenario byLabel(String label) {
        for (Scenario s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--scenarios: unknown scenario " + label + " (want one of "
                + allNames() + ")");
    }

    static String allNames() {
        List<String> names = new ArrayList<>();
        for (Scenario s : values()) {
            names.add(s.label);
        }
        return String.join(", ", names);
    }
}
