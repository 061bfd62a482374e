package dev.leakhound.lab.javashop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used cache of rendered product pages, capped at a number of entries:
 * a LinkedHashMap in access order that drops its eldest entry past the cap. Memory is bounded
 * by {@code maxEntries * page size}, so its growth stops — what Leakhound's plateau guard must
 * recognise as not a leak. Thread-safe: all access synchronizes on the instance.
 */
final class ProductPageCache {
    /** With the default leak-bytes (64 KiB) the cache holds at most 25 MiB of pages. */
    static final int MAX_ENTRIES = 400;

    private final Map<String, ProductPage> pagesById;

    ProductPageCache(int maxEntries) {
        this.pagesById = new LruMap(maxEntries);
    }

    synchronized ProductPage get(String id) {
        return pagesById.get(id);
    }

    synchronized void put(ProductPage page) {
        pagesById.put(page.id(), page);
    }

    private static final class LruMap extends LinkedHashMap<String, ProductPage> {
        private static final long serialVersionUID = 1L;
        private final int maxEntries;

        LruMap(int maxEntries) {
            super(16, 0.75f, true);
            this.maxEntries = maxEntries;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProductPage> eldest) {
            return size() > maxEntries;
        }
    }
}
