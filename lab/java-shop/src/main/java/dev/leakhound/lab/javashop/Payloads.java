package dev.leakhound.lab.javashop;

import java.nio.charset.StandardCharsets;

/**
 * Builds the byte documents the scenarios keep (audit copies, rendered pages, snapshots):
 * the seed text repeated to the wanted size, so dumps show plausible content rather than
 * zeros. Stateless and thread-safe; cost is one array of {@code size} bytes.
 */
final class Payloads {
    private Payloads() {
    }

    static byte[] document(String seed, int size) {
        byte[] unit = (seed.isEmpty() ? "-" : seed).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        for (int at = 0; at < size; at += unit.length) {
            System.arraycopy(unit, 0, out, at, Math.min(unit.length, size - at));
        }
        return out;
    }
}
