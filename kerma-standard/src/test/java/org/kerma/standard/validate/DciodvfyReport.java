package org.kerma.standard.validate;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tag;
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

    private static final ElementDictionary KEYWORDS = ElementDictionary.standard();
    /** dciodvfy names some attributes by name ("Pregnancy Status"): PS3.6 names to keywords, from Tag's constants. */
    private static final Map<String, String> NAMES = names();
    private static final Set<String> META = Set.of("FileMetaInformationGroupLength", "FileMetaInformationVersion", "MediaStorageSOPClassUID",
            "MediaStorageSOPInstanceUID", "TransferSyntaxUID", "ImplementationClassUID");

    private DciodvfyReport() {
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (Field f : Tag.class.getFields()) {
            KEYWORDS.tagOf(f.getName()).ifPresent(tag -> KEYWORDS.find(tag)
                    .ifPresent(e -> names.putIfAbsent(e.name(), e.keyword())));
        }
        return names;
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
            String attribute = attribute(m);
            boolean sequence = KEYWORDS.tagOf(attribute).stream()
                    .anyMatch(t -> KEYWORDS.vrOf(t) == org.kerma.dicom.VR.SQ);
            rule = sequence ? "SEQUENCE_ITEM_COUNT" : "INVALID_VM";
        } else if (m.startsWith("Bad Sequence number of Items")) {
            rule = "SEQUENCE_ITEM_COUNT";
        } else if (m.startsWith("Unrecognized enumerated value")) {
            rule = "ENUMERATED_VALUE";
        } else if (m.startsWith("MediaStorageSOPInstanceUID different from SOPInstanceUID")) {
            return "FILE_META MediaStorageSOPInstanceUID";
        } else if (m.startsWith("MediaStorageSOPClassUID different from SOPClassUID")) {
            return "FILE_META MediaStorageSOPClassUID";
        } else {
            String[] words = m.split("[ <(=]+");
            StringBuilder s = new StringBuilder("OTHER: ");
            for (int i = 0; i < Math.min(4, words.length); i++) {
                s.append(i > 0 ? " " : "").append(words[i]);
            }
            return s.toString();
        }
        String attribute = attribute(m);
        if (META.contains(attribute) && rule.startsWith("MISSING")) {
            rule = "FILE_META";
        }
        return rule + " " + attribute;
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
        if (!a.find()) {
            return "?";
        }
        String named = a.group(1);
        return KEYWORDS.tagOf(named).isPresent() ? named : NAMES.getOrDefault(named, named);
    }
}
