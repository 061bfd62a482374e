package dev.leakhound.lab.javashop;

import java.util.Objects;

/**
 * A rendered product page. Immutable by convention (the html array is never written after
 * rendering).
 *
 * @param id    product id
 * @param title product title
 * @param html  the rendered page
 */
record ProductPage(String id, String title, byte[] html) {
    ProductPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(html, "html");
    }
}
