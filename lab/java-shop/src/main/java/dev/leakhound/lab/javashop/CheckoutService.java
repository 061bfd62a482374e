package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * listener-leak: POST /api/checkout prices a cart and subscribes a {@link CheckoutPriceListener}
 * to {@link PriceFeed#INSTANCE} so the payment page can re-price if a price moves. The
 * listener is never removed when the checkout ends, so each request leaves one behind,
 * holding its cart and a quote snapshot of leak-bytes. Thread-safe.
 */
final class CheckoutService {
    /** Every so many checkouts the upstream feed ticks, notifying every registered listener. */
    private static final int CHECKOUTS_PER_PRICE_TICK = 64;

    private final int snapshotBytes;
    private final AtomicLong checkouts = new AtomicLong();

    CheckoutService(int snapshotBytes) {
        this.snapshotBytes = snapshotBytes;
    }

    ShopResponse checkout(ShopRequest request) {
        long number = checkouts.incrementAndGet();
        String body = request.body();
        String cartId = Json.text(body, "cart", "cart") + "-" + number;
        String customer = Json.text(body, "customer", "guest");
        List<String> skus = Json.texts(body, "sku");
        List<String> quantities = Json.texts(body, "qty");
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            int quantity = i < quantities.size() ? parseQuantity(quantities.get(i)) : 1;
            lines.add(new CartLine(skus.get(i), quantity, PriceFeed.INSTANCE.priceCents(skus.get(i))));
        }
        String quote = "quote for " + cartId + " (" + customer + "): " + lines + "\n";
        CheckoutPriceListener listener = new CheckoutPriceListener(cartId, customer, lines,
                System.currentTimeMillis(), Payloads.document(quote, snapshotBytes));
        PriceFeed.INSTANCE.addListener(listener);
        // BUG (the leak): the payment step should call PriceFeed.INSTANCE.removeListener(listener).

        if (number % CHECKOUTS_PER_PRICE_TICK == 0 && !lines.isEmpty()) {
            CartLine moved = lines.get(0);
            PriceFeed.INSTANCE.publish(moved.sku(), moved.unitPriceCents() + (number / CHECKOUTS_PER_PRICE_TICK) % 7);
        }
        return ShopResponse.ok("{\"cart\":" + Json.quote(cartId) + ",\"lines\":" + lines.size()
                + ",\"totalCents\":" + listener.subtotalCents() + ",\"status\":\"awaiting-payment\"}");
    }

    private static int parseQuantity(String value) {
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
