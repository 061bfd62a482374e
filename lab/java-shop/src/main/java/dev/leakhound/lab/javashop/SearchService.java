package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * steady (control): POST /api/search scores a few thousand candidate products against the
 * query, sorts them and answers the top hits. Every request allocates several times leak-bytes
 * (tokenizer buffers, candidates, titles) and keeps none of it: heavy churn, flat floor.
 * Thread-safe (no shared mutable state).
 */
final class SearchService {
    private static final int CANDIDATES = 2_000;
    private static final int BUFFERS = 4;
    private static final String[] WORDS = {"trail", "running", "shoes", "jacket", "waterproof", "light",
        "merino", "socks", "pack", "hiking", "boots", "road", "carbon", "insole", "cap"};

    private final int bufferBytes;

    SearchService(int bufferBytes) {
        this.bufferBytes = bufferBytes;
    }

    ShopResponse search(ShopRequest request) {
        String query = Json.text(request.body(), "query", "running shoes");
        int limit = (int) Math.max(1, Math.min(50, Json.number(request.body(), "limit", 10)));
        long tokenHash = 0;
        for (int b = 0; b < BUFFERS; b++) {
            byte[] tokens = Payloads.document(query + " ", bufferBytes);
            tokenHash = tokenHash * 31 + tokens[tokens.length - 1] + tokens.length;
        }
        String[] terms = query.toLowerCase(java.util.Locale.ROOT).split("\\s+");
        List<SearchHit> hits = new ArrayList<>(CANDIDATES);
        for (int i = 0; i < CANDIDATES; i++) {
            String title = WORDS[i % WORDS.length] + " " + WORDS[(i / 7) % WORDS.length] + " "
                    + WORDS[(i / 49) % WORDS.length] + " #" + i;
            hits.add(new SearchHit("SKU-" + (10_000 + i), title, score(title, terms, i)));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::sku));
        StringBuilder json = new StringBuilder("{\"query\":").append(Json.quote(query))
                .append(",\"tokenHash\":").append(tokenHash).append(",\"hits\":[");
        for (int i = 0; i < Math.min(limit, hits.size()); i++) {
            SearchHit hit = hits.get(i);
            json.append(i == 0 ? "" : ",").append("{\"sku\":").append(Json.quote(hit.sku()))
                    .append(",\"title\":").append(Json.quote(hit.title())).append('}');
        }
        return ShopResponse.ok(json.append("]}").toString());
    }

    private static double score(String title, String[] terms, int i) {
        double score = 0;
        for (String term : terms) {
            if (title.contains(term)) {
                score += 1.0;
            }
        }
        return score + 1.0 / (2 + i % 97);
    }
}
