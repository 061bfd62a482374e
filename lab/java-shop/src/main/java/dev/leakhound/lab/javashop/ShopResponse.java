package dev.leakhound.lab.javashop;

/**
 * A response: status and a JSON body.
 *
 * @param status HTTP status code
 * @param json   the body, already JSON
 */
record ShopResponse(int status, String json) {
    static ShopResponse ok(String json) {
        return new ShopResponse(200, json);
    }

    static ShopResponse error(int status, String message) {
        return new ShopResponse(status, "{\"error\":" + Json.quote(message) + "}");
    }
}
