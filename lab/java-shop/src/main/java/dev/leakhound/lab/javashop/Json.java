package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough JSON for the lab: quoting for handwritten output, and lenient field lookups
 * for request bodies the lab generates itself. Not a parser: it finds {@code "name":value}
 * pairs anywhere in the text, so nesting is ignored. Stateless and thread-safe.
 */
final class Json {
    private Json() {
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The first value of field {@code name} as text (strings unquoted), or the fallback. */
    static String text(String body, String name, String fallback) {
        List<String> values = texts(body, name);
        return values.isEmpty() ? fallback : values.get(0);
    }

    /** The first value of field {@code name} as a long, or the fallback if absent or not a number. */
    static long number(String body, String name, long fallback) {
        String value = text(body, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Every value of field {@code name}, in order of appearance, as text. */
    static List<String> texts(String body, String name) {
        List<String> values = new ArrayList<>();
        String key = "\"" + name + "\"";
        int from = 0;
        while (true) {
            int at = body.indexOf(key, from);
            if (at < 0) {
                return values;
            }
            int i = skipSpace(body, at + key.length());
            from = at + key.length();
            if (i >= body.length() || body.charAt(i) != ':') {
                continue;
            }
            i = skipSpace(body, i + 1);
            if (i < body.length() && body.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < body.length() && body.charAt(j) != '"') {
                    char c = body.charAt(j);
                    if (c == '\\' && j + 1 < body.length()) {
                        j++;
                        c = body.charAt(j);
                    }
                    value.append(c);
                    j++;
                }
                values.add(value.toString());
                from = j;
            } else {
                int j = i;
                while (j < body.length() && ",}] \t\r\n".indexOf(body.charAt(j)) < 0) {
                    j++;
                }
                if (j > i) {
                    values.add(body.substring(i, j));
                }
                from = j;
            }
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
