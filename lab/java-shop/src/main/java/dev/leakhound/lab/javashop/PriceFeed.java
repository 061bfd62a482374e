package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's live price source: current prices per SKU and the listeners to tell when one
 * changes. A process-wide singleton, as such event sources usually are.
 *
 * <p>THE LEAK (listener-leak): {@link #listeners} only grows when callers forget
 * {@link #removeListener}. Root path in a heap dump: {@code static PriceFeed.INSTANCE ->
 * PriceFeed.listeners -> ArrayList.elementData -> Object[] -> CheckoutPriceListener}.
 * The remedy is to remove the listener when its owner ends (or to hold listeners weakly).
 *
 * <p>Thread-safe: all methods synchronize on the instance; publishing is O(listeners).
 */
final class PriceFeed {
    static final PriceFeed INSTANCE = new PriceFeed();

    private final List<PriceChangeListener> listeners = new ArrayList<>();
    private final Map<String, Long> priceCentsBySku = new HashMap<>();

    private PriceFeed() {
    }

    synchronized void addListener(PriceChangeListener listener) {
        listeners.add(listener);
    }

    synchronized void removeListener(PriceChangeListener listener) {
        listeners.remove(listener);
    }

    /** The current price; unknown SKUs get a stable list price derived from their name. */
    synchronized long priceCents(String sku) {
        return priceCentsBySku.computeIfAbsent(sku, s -> 499L + Math.floorMod(s.hashCode(), 20_000));
    }

    synchronized void publish(String sku, long newPriceCents) {
        priceCentsBySku.put(sku, newPriceCents);
        for (PriceChangeListener listener : listeners) {
            listener.onPriceChange(sku, newPriceCents);
        }
    }
}
