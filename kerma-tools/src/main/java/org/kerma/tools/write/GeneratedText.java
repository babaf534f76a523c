package org.kerma.tools.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.kerma.tools.read.Provenance;

/**
 * Shared conventions of generated files: UTF-8, '\n' line ends, a first line naming every source, and field
 * checks that keep tab-separated tables parseable without quoting.
 */
public final class GeneratedText {
    /** Names the generator in headers. */
    public static final String GENERATOR = "org.kerma.tools.StandardDataGenerator (tools/generate-standard-data.sh)";

    private GeneratedText() {
    }

    /** "# source: A ...; B ..." for a TSV file. */
    public static String sourceLine(List<Provenance> sources) {
        return "# source: " + sources.stream().map(Provenance::render).collect(Collectors.joining("; ")) + "\n";
    }

    /** The text of a field of a tab-separated table, refusing tabs and line breaks, which the format cannot hold. */
    static String field(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("tab or line break in table field: '" + value + "'");
            }
        }
        return value;
    }

    /** Text made safe for a Javadoc comment: HTML special characters escaped, no comment end. */
    static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    /** Writes the text, creating parent folders. */
    static void write(Path file, CharSequence text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
