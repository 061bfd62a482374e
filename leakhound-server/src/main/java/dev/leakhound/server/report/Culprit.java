package dev.leakhound.server.report;

/**
 * An allocation site whose in-use bytes grew between the baseline and the capture: a row of the
 * heap profile diff (flat inuse_space, by function).
 *
 * <p>Immutable. The component order is the JSON shape.
 *
 * @param function the function that allocated, e.g. {@code
 *     leakhound.dev/lab/go-shop/shop.(*SessionStore).Remember}
 * @param file its source file
 * @param line the line (the function's first line when per-function)
 * @param growthBytes in-use bytes gained since the baseline
 * @param objects in-use objects gained (0 when the profile does not say)
 * @param share growthBytes as a fraction of all growth (0..1)
 */
public record Culprit(
    String function, String file, long line, long growthBytes, long objects, double share) {}
