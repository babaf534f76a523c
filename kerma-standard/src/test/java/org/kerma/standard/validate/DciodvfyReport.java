package org.kerma.standard.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tags;

/**
 * Runs dicom3tools' {@code dciodvfy} (the Debian package's binary) on one file and reduces its error lines to
 * (rule, attribute) keys comparable with Kerma's findings. Lines of rules Kerma has no counterpart for get the
 * rule "OTHER: first words of the message".
 */
final class DciodvfyReport {
    static final Path DCIODVFY = Path.of("/usr/bin/dciodvfy");
    private static final Pattern ELEMENT = Pattern.compile("Element=<([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute <([^>]*)>");
    private static final Pattern TAG = Pattern.compile("\\(0x([0-9a-fA-F]{4}),0x([0-9a-fA-F]{4})\\)");

    private DciodvfyReport() {
    }

    /** The distinct error keys "RULE attribute" of one file, and the IOD name dciodvfy printed ("" if none). */
    record Result(Set<String> errors, String iod, List<String> lines) {
    }

    static Result run(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(DCIODVFY.toString(), file.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dciodvfy did not finish on " + file);
        }
        List<String> lines = List.of(new String(out, StandardCharsets.ISO_8859_1).split("\n"));
        Set<String> errors = new LinkedHashSet<>();
        String iod = "";
        for (String line : lines) {
            if (line.matches("[A-Za-z0-9]+") && iod.isEmpty()) {
                iod = line;
            }
            if (line.startsWith("Error - ")) {
                String key = key(line);
                if (key != null) {
                    errors.add(key);
                }
            }
        }
        return new Result(errors, iod, new ArrayList<>(lines));
    }

    /** The key of one error line, or null for summary lines that repeat others. */
    static String key(String line) {
        String m = line.substring("Error - ".length());
        if (m.startsWith("Dicom dataset contains invalid data values")) {
            return null;
        }
        String rule;
        if (m.startsWith("Missing attribute Type 1 Required")) {
            rule = "MISSING_TYPE_1";
        } else if (m.startsWith("Empty attribute (no value) Type 1 Required")) {
            rule = "EMPTY_TYPE_1";
        } else if (m.startsWith("Missing attribute Type 2 Required")) {
            rule = "MISSING_TYPE_2";
        } else if (m.startsWith("Missing attribute Type 1C") || m.startsWith("Missing attribute Type 2C")) {
            rule = "MISSING_CONDITIONAL";
        } else if (m.startsWith("Empty attribute (no value) Type 1C")
                || m.startsWith("Attribute present but empty (no value) even though condition not satisfied")) {
            rule = "EMPTY_TYPE_1C";
        } else if (m.startsWith("Attribute present when condition unsatisfied")) {
            rule = "PRESENT_WHEN_CONDITION_FALSE";
        } else if (m.startsWith("Value invalid for this VR") || m.startsWith("Illegal root for UID")) {
            rule = "INVALID_VALUE";
        } else if (m.startsWith("Bad attribute Value Multiplicity")) {
            rule = "INVALID_VM";
        } else if (m.startsWith("Bad Sequence number of Items")) {
            rule = "SEQUENCE_ITEM_COUNT";
        } else if (m.startsWith("Unrecognized enumerated value")) {
            rule = "ENUMERATED_VALUE";
        } else {
            String[] words = m.split("[ <(=]+");
            StringBuilder s = new StringBuilder("OTHER: ");
            for (int i = 0; i < Math.min(4, words.length); i++) {
                s.append(i > 0 ? " " : "").append(words[i]);
            }
            return s.toString();
        }
        return rule + " " + attribute(m);
    }

    private static String attribute(String m) {
        Matcher e = ELEMENT.matcher(m);
        if (e.find()) {
            return e.group(1);
        }
        Matcher t = TAG.matcher(m);
        if (t.find()) {
            int tag = Integer.parseUnsignedInt(t.group(1) + t.group(2), 16);
            String keyword = ElementDictionary.standard().keywordOf(tag);
            return keyword.isEmpty() ? Tags.format(tag) : keyword;
        }
        Matcher a = ATTRIBUTE.matcher(m);
        return a.find() ? a.group(1) : "?";
    }
}
