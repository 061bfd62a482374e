package dev.leakhound.lab.javashop;

import java.util.Objects;

/**
 * One entry of the route table: a method and exact path served by a handler.
 *
 * @param scenario   the scenario this route exercises, or null for a /lab endpoint
 * @param method     HTTP method
 * @param path       exact request path
 * @param sampleBody a request body the load generator can send verbatim ("" for none)
 * @param handler    serves the request
 */
record Route(Scenario scenario, String method, String path, String sampleBody, ShopHandler handler) {
    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sampleBody, "sampleBody");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
    }

    static Route lab(String method, String path, ShopHandler handler) {
        return new Route(null, method, path, "", handler);
    }
}
