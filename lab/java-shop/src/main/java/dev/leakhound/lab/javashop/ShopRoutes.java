package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every HTTP route of the shop, in one table: the /lab endpoints, then one route per enabled
 * scenario. The sample bodies are what GET /lab/routes hands to the load generator.
 */
final class ShopRoutes {
    static final String ORDER_BODY = "{\"customer\":\"c-1042\",\"currency\":\"EUR\",\"items\":["
            + "{\"sku\":\"SKU-1001\",\"qty\":2,\"priceCents\":1999},"
            + "{\"sku\":\"SKU-2002\",\"qty\":1,\"priceCents\":4550}]}";
    static final String CHECKOUT_BODY = "{\"cart\":\"cart-77\",\"customer\":\"c-1042\",\"items\":["
            + "{\"sku\":\"SKU-1001\",\"qty\":2},{\"sku\":\"SKU-3003\",\"qty\":1}]}";
    static final String REPORT_BODY = "{\"report\":\"sales-by-region\",\"days\":30}";
    static final String SEARCH_BODY = "{\"query\":\"trail running shoes\",\"limit\":10}";

    private ShopRoutes() {
    }

    static List<Route> table(ShopOptions options, HeapFloorTracker floor, LongAdder servedRequests) {
        int leakBytes = options.leakBytes();
        List<Route> scenarioRoutes = new ArrayList<>();
        for (Scenario scenario : options.scenarios()) {
            scenarioRoutes.add(switch (scenario) {
                case STATIC_MAP_LEAK -> new Route(scenario, "POST", "/api/orders", ORDER_BODY,
                        new OrderService(leakBytes)::placeOrder);
                case LISTENER_LEAK -> new Route(scenario, "POST", "/api/checkout", CHECKOUT_BODY,
                        new CheckoutService(leakBytes)::checkout);
                case THREADLOCAL_LEAK -> new Route(scenario, "GET", "/api/recommendations", "",
                        new RecommendationService(leakBytes)::recommend);
                case BOUNDED_CACHE -> new Route(scenario, "GET", "/api/products", "",
                        new ProductService(leakBytes)::product);
                case LOAD_FOLLOW -> new Route(scenario, "POST", "/api/reports", REPORT_BODY,
                        new ReportService(leakBytes)::render);
                case STEADY -> new Route(scenario, "POST", "/api/search", SEARCH_BODY,
                        new SearchService(leakBytes)::search);
            });
        }
        LabEndpoints lab = new LabEndpoints(scenarioRoutes, floor, servedRequests);
        List<Route> table = new ArrayList<>();
        table.add(Route.lab("GET", "/lab/routes", lab::routes));
        table.add(Route.lab("GET", "/lab/stats", lab::stats));
        table.add(Route.lab("POST", "/lab/gc", lab::gc));
        table.addAll(scenarioRoutes);
        return List.copyOf(table);
    }
}
