package dev.leakhound.lab.javashop;

import java.util.Objects;

/**
 * One line of a cart at checkout. Immutable.
 *
 * @param sku            product
 * @param quantity       units, at least 1
 * @param unitPriceCents price per unit when quoted
 */
record CartLine(String sku, int quantity, long unitPriceCents) {
    CartLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }

    long totalCents() {
        return quantity * unitPriceCents;
    }
}
