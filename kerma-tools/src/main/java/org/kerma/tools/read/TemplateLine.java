package org.kerma.tools.read;

import java.util.LinkedHashMap;
import java.util.Map;

/** Splits a dicom3tools template line of whitespace-separated {@code Key="Value"} pairs. */
final class TemplateLine {
    private TemplateLine() {
    }

    /**
     * The pairs in line order.
     *
     * @throws IllegalArgumentException when a key has no '=' or a value no closing quote
     */
    static Map<String, String> parse(String line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int pos = 0;
        while (true) {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= line.length()) {
                return pairs;
            }
            int eq = line.indexOf("=\"", pos);
            if (eq < 0) {
                throw new IllegalArgumentException("expected Key=\"Value\" at column " + (pos + 1));
            }
            int close = line.indexOf('"', eq + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated value at column " + (eq + 2));
            }
            pairs.put(line.substring(pos, eq).trim(), line.substring(eq + 2, close));
            pos = close + 1;
        }
    }
}
