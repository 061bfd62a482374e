package dev.leakhound.lab.javashop;

import java.io.IOException;

/** Serves one request; called concurrently from the HTTP worker pool. */
@FunctionalInterface
interface ShopHandler {
    ShopResponse handle(ShopRequest request) throws IOException, InterruptedException;
}
