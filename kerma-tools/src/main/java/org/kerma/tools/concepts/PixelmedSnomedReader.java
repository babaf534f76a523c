package org.kerma.tools.concepts;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PixelMed's {@code srtsctmapping.xml}: one {@code <mapping sct="..." srt="..."/>} element per line. */
final class PixelmedSnomedReader {
    private static final Pattern MAPPING = Pattern.compile("<mapping sct=\"([^\"]+)\" srt=\"([^\"]+)\"/>");

    private PixelmedSnomedReader() {
    }

    /** SRT code value → SCT code value. */
    static Map<String, String> read(Path file) {
        Matcher m = MAPPING.matcher(PydicomConceptsReader.readText(file));
        Map<String, String> result = new TreeMap<>();
        while (m.find()) {
            result.put(m.group(2), m.group(1));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(file + ": no <mapping sct=... srt=.../> elements");
        }
        return result;
    }
}
