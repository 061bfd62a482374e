package dev.leakhound.lab.javashop;

/** Told about every price change {@link PriceFeed} publishes; called under the feed's lock. */
interface PriceChangeListener {
    void onPriceChange(String sku, long newPriceCents);
}
