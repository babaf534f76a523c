package org.kerma.tools.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads DCMTK's private tag dictionary {@code private.dic}: tab-separated lines
 * {@code (gggg,"CREATOR",ee) VR Keyword VM [Version]}, where the group may be an odd-only range
 * {@code gggg-o-gggg} and the element is either two hex digits (offset in the creator's block) or four (a fixed
 * element number). Later lines override earlier ones for the same creator, group and element (as DCMTK does);
 * {@link Result#overridden()} lists the replaced lines for the report.
 */
public final class DcmtkPrivateDictionaryReader {

    /**
     * What was read.
     *
     * @param attributes the surviving definitions, in file order of first appearance
     * @param overridden descriptions of the definitions a later line replaced
     */
    public record Result(List<PrivateAttribute> attributes, List<String> overridden) {
    }

    private DcmtkPrivateDictionaryReader() {
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming file and line for a malformed row
     */
    public static Result read(Path file) {
        List<String> lines = DcmtkDictionaryReader.readLines(file);
        Map<String, Integer> positions = new HashMap<>();
        List<PrivateAttribute> attributes = new ArrayList<>();
        List<String> overridden = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            PrivateAttribute a;
            try {
                a = attribute(DcmtkDictionaryReader.fields(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
            String key = a.creator() + '\u0000' + a.groupLow() + '\u0000' + a.groupHigh() + '\u0000' + a.element();
            Integer at = positions.putIfAbsent(key, attributes.size());
            if (at == null) {
                attributes.add(a);
            } else {
                PrivateAttribute old = attributes.set(at, a);
                if (!old.equals(a)) {
                    overridden.add(file.getFileName() + ":" + (i + 1) + " redefines " + old + " as " + a);
                }
            }
        }
        return new Result(Collections.unmodifiableList(attributes), Collections.unmodifiableList(overridden));
    }

    private static PrivateAttribute attribute(String[] f) {
        if (f.length != 4 && f.length != 5) {
            throw new IllegalArgumentException("expected 4 or 5 tab-separated fields");
        }
        String tag = f[0];
        int q1 = tag.indexOf('"');
        int q2 = tag.lastIndexOf('"');
        if (!tag.startsWith("(") || !tag.endsWith(")") || q1 < 0 || q2 <= q1
                || tag.charAt(q1 - 1) != ',' || tag.charAt(q2 + 1) != ',') {
            throw new IllegalArgumentException("not a private tag: " + tag);
        }
        String creator = tag.substring(q1 + 1, q2);
        if (!creator.equals(creator.trim()) || creator.isEmpty()) {
            throw new IllegalArgumentException("creator with surrounding spaces or empty: \"" + creator + "\"");
        }
        int[] groups = groups(tag.substring(1, q1 - 1));
        int element = element(tag.substring(q2 + 2, tag.length() - 1));
        return new PrivateAttribute(creator, groups[0], groups[1], element, DcmtkVr.toVrs(f[1]), f[3], f[2], f[2]);
    }

    private static int[] groups(String text) {
        String[] parts = text.split("-o-", -1);
        int low = hex(parts[0], 4);
        int high = parts.length == 2 ? hex(parts[1], 4) : low;
        if (parts.length > 2 || (low & 1) == 0 || (high & 1) == 0 || high < low) {
            throw new IllegalArgumentException("unsupported private group '" + text + "'");
        }
        return new int[] {low, high};
    }

    private static int element(String text) {
        if (text.length() == 2) {
            return hex(text, 2);
        }
        int e = hex(text, 4);
        if (e < 0x1000) {
            throw new IllegalArgumentException("fixed private element below 1000: '" + text + "'");
        }
        return e;
    }

    private static int hex(String text, int digits) {
        if (text.length() != digits) {
            throw new IllegalArgumentException("expected " + digits + " hex digits: '" + text + "'");
        }
        try {
            return Integer.parseInt(text, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not hex: '" + text + "'", e);
        }
    }
}
