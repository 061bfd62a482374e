package dev.leakhound.lab.javashop;

/**
 * A scored search candidate. Immutable.
 *
 * @param sku   product
 * @param title product title
 * @param score relevance, higher is better
 */
record SearchHit(String sku, String title, double score) {
}
