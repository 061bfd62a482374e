package dev.leakhound.lab.javashop;

import java.util.concurrent.ThreadLocalRandom;

/**
 * bounded-cache (control): GET /api/products?id=N serves a product page through a capped LRU
 * {@link ProductPageCache}. Without an id it serves a random product of a large catalog, the
 * way browsing traffic spreads over the long tail, so the cache fills to its cap and then
 * evicts. Memory warms up to about {@code ProductPageCache.MAX_ENTRIES * leak-bytes} and stays
 * flat. Thread-safe.
 */
final class ProductService {
    static final int CATALOG_SIZE = 1_000_000;

    private final int pageBytes;
    private final ProductPageCache cache = new ProductPageCache(ProductPageCache.MAX_ENTRIES);

    ProductService(int pageBytes) {
        this.pageBytes = pageBytes;
    }

    ShopResponse product(ShopRequest request) {
        String id = request.queryParam("id",
                Integer.toString(ThreadLocalRandom.current().nextInt(1, CATALOG_SIZE + 1)));
        ProductPage page = cache.get(id);
        boolean cached = page != null;
        if (!cached) {
            page = render(id);
            cache.put(page);
        }
        return ShopResponse.ok("{\"id\":" + Json.quote(id) + ",\"title\":" + Json.quote(page.title())
                + ",\"cached\":" + cached + ",\"pageBytes\":" + page.html().length + "}");
    }

    private ProductPage render(String id) {
        String title = "Trail runner model " + id;
        String html = "<article class=\"product\" data-id=\"" + id + "\"><h1>" + title
                + "</h1><p>Lightweight, grippy, built for long days.</p></article>\n";
        return new ProductPage(id, title, Payloads.document(html, pageBytes));
    }
}
