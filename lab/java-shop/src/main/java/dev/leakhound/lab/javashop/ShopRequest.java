package dev.leakhound.lab.javashop;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A request as the handlers see it: the body read fully (lab bodies are small).
 *
 * @param method HTTP method
 * @param path   decoded path
 * @param query  decoded query parameters, last one wins
 * @param body   the body as UTF-8 text, "" when absent
 */
record ShopRequest(String method, String path, Map<String, String> query, String body) {
    ShopRequest {
        query = Map.copyOf(query);
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!key.isEmpty()) {
                query.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    String queryParam(String name, String fallback) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
