package dev.leakhound.lab.javashop;

import java.util.List;
import java.util.Objects;

/**
 * Keeps one checkout's total current while the customer is on the payment page: the cart, the
 * customer, and the quote snapshot shown to them. Registered with {@link PriceFeed#INSTANCE}
 * by {@link CheckoutService} and, because of the listener-leak bug, never unregistered.
 *
 * <p>Thread-safe: price changes arrive under the feed's lock; the subtotal is volatile.
 */
final class CheckoutPriceListener implements PriceChangeListener {
    private final String cartId;
    private final String customerId;
    private final CartLine[] lines;
    private final long registeredAtMillis;
    private final byte[] quoteSnapshot;
    private volatile long subtotalCents;

    CheckoutPriceListener(String cartId, String customerId, List<CartLine> lines, long registeredAtMillis,
            byte[] quoteSnapshot) {
        this.cartId = Objects.requireNonNull(cartId, "cartId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.lines = lines.toArray(new CartLine[0]);
        this.registeredAtMillis = registeredAtMillis;
        this.quoteSnapshot = Objects.requireNonNull(quoteSnapshot, "quoteSnapshot");
        this.subtotalCents = total(this.lines);
    }

    @Override
    public void onPriceChange(String sku, long newPriceCents) {
        boolean affected = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].sku().equals(sku)) {
                lines[i] = new CartLine(sku, lines[i].quantity(), newPriceCents);
                affected = true;
            }
        }
        if (affected) {
            subtotalCents = total(lines);
        }
    }

    long subtotalCents() {
        return subtotalCents;
    }

    @Override
    public String toString() {
        return "CheckoutPriceListener[" + cartId + " " + customerId + " since " + registeredAtMillis + ", "
                + lines.length + " lines, " + quoteSnapshot.length + " snapshot bytes]";
    }

    private static long total(CartLine[] lines) {
        long total = 0;
        for (CartLine line : lines) {
            total += line.totalCents();
        }
        return total;
    }
}
