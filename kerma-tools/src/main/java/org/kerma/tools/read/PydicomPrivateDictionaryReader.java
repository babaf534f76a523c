package org.kerma.tools.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;

/**
 * Reads pydicom's private dictionary {@code _private_dict.py} (pydicom generates it from GDCM's): the dict
 * {@code private_dictionaries}, Private Creator → (tag mask → (VR, VM, Name, Retired)). Nothing is evaluated; the
 * module is parsed as literals by {@link PythonLiterals}.
 *
 * <p>A mask is eight hex digits with 'x' for free digits. What Kerma's private dictionary can hold becomes a
 * {@link PrivateAttribute}:
 * <ul>
 *   <li>"ggggxxee": element ee of whatever block the creator reserved in odd group gggg;</li>
 *   <li>"ggggeeee" with eeee ≥ 1000: a fixed element number, valid only in that block;</li>
 *   <li>a group with trailing 'x' digits, "60xxxx01": the same in every odd group of the range (6001-60FF).</li>
 * </ul>
 * Everything else is {@linkplain Result#skipped() skipped} with the reason: even or reserved groups, fixed elements
 * below 1000 (these are not private data elements; GDCM writes some vendors' elements so), element masks other
 * than the block byte ("001910xx"), and group masks that are not a range.
 *
 * <p>pydicom gives names but no keywords; the keyword is derived from the name by {@link #keyword(String)}.
 */
public final class PydicomPrivateDictionaryReader {
    /** The name of the dict in pydicom's module. */
    public static final String DICTIONARY = "private_dictionaries";

    static final String EVEN_GROUP = "not a private group (even or reserved)";
    static final String GROUP_MASK = "group mask is not a range of groups";
    static final String LOW_FIXED_ELEMENT = "fixed element below 1000 (not a private data element)";
    static final String ELEMENT_MASK = "element mask other than the block byte (xx)";

    /**
     * One definition that Kerma's private dictionary cannot hold.
     *
     * @param creator the Private Creator
     * @param mask    pydicom's mask, as written
     * @param reason  why it is left out
     */
    public record Skipped(String creator, String mask, String reason) {
    }

    /**
     * What was read.
     *
     * @param read       how many definitions the file has
     * @param attributes the definitions Kerma can hold, in file order
     * @param skipped    the others, in file order
     * @param retired    "creator mask" of the definitions pydicom marks retired (the table has no column for it)
     */
    public record Result(int read, List<PrivateAttribute> attributes, List<Skipped> skipped, List<String> retired) {
    }

    private PydicomPrivateDictionaryReader() {
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming the file when its shape is not the expected one
     */
    public static Result read(Path file) {
        return read(file, PydicomDictionaryReader.readText(file));
    }

    static Result read(Path file, String text) {
        Map<String, Object> module = PythonLiterals.parseModule(file.toString(), text);
        int read = 0;
        List<PrivateAttribute> attributes = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        for (Map.Entry<?, ?> byCreator : PydicomDictionaryReader.dict(module, DICTIONARY, file).entrySet()) {
            if (!(byCreator.getKey() instanceof String) || !(byCreator.getValue() instanceof Map)) {
                throw new IllegalArgumentException(file + ": " + DICTIONARY + " is not a dict of str to dict at "
                        + byCreator.getKey());
            }
            String creator = (String) byCreator.getKey();
            if (creator.isEmpty() || !creator.equals(creator.trim())) {
                throw new IllegalArgumentException(file + ": creator with surrounding spaces or empty: \"" + creator
                        + "\"");
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) byCreator.getValue()).entrySet()) {
                read++;
                String mask = String.valueOf(e.getKey());
                List<String> t = PydicomTuples.strings(e.getValue(), 4, file);
                String reason;
                try {
                    reason = skipReason(mask);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(file + ": " + creator + ": " + ex.getMessage(), ex);
                }
                if (reason != null) {
                    skipped.add(new Skipped(creator, mask, reason));
                    continue;
                }
                if (t.get(3).equals("Retired")) {
                    retired.add(creator + " " + mask);
                } else if (!t.get(3).isEmpty()) {
                    throw new IllegalArgumentException(file + ": " + creator + " " + mask
                            + ": retired column is neither '' nor 'Retired': " + t.get(3));
                }
                List<VR> vrs;
                try {
                    vrs = vrs(t.get(0));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(file + ": " + creator + " " + mask + ": " + ex.getMessage(), ex);
                }
                attributes.add(attribute(creator, mask, vrs, t.get(1), t.get(2)));
            }
        }
        return new Result(read, Collections.unmodifiableList(attributes), Collections.unmodifiableList(skipped),
                Collections.unmodifiableList(retired));
    }

    /**
     * Why a mask cannot be held, or null when it can.
     *
     * @throws IllegalArgumentException when it is not eight hex-or-x characters
     */
    static String skipReason(String mask) {
        TagPattern pattern = TagPattern.parse(mask);
        int groupMask = pattern.mask() >>> 16;
        int elementMask = pattern.mask() & 0xFFFF;
        if (groupMask != 0xFFFF && !isTrailingDigits(groupMask)) {
            return GROUP_MASK;
        }
        int[] groups = groups(pattern);
        if (!Tags.isPrivate(groups[0] << 16) || !Tags.isPrivate(groups[1] << 16)) {
            return EVEN_GROUP;
        }
        if (elementMask == 0xFFFF) {
            return (pattern.tag() & 0xFFFF) < 0x1000 ? LOW_FIXED_ELEMENT : null;
        }
        return elementMask == 0x00FF ? null : ELEMENT_MASK;
    }

    /** True for a group mask that frees one to three trailing hex digits (0xFFF0, 0xFF00, 0xF000). */
    private static boolean isTrailingDigits(int groupMask) {
        return groupMask == 0xFFF0 || groupMask == 0xFF00 || groupMask == 0xF000;
    }

    /** The first and last odd group a pattern's group part covers. */
    private static int[] groups(TagPattern pattern) {
        int base = pattern.tag() >>> 16;
        int free = ~(pattern.mask() >>> 16) & 0xFFFF;
        return free == 0 ? new int[] {base, base} : new int[] {base | 1, base | free};
    }

    private static PrivateAttribute attribute(String creator, String mask, List<VR> vrs, String vm, String name) {
        TagPattern pattern = TagPattern.parse(mask);
        int[] groups = groups(pattern);
        int element = pattern.tag() & 0xFFFF;
        return new PrivateAttribute(creator, groups[0], groups[1], element, vrs, vm, keyword(name), name);
    }

    /**
     * pydicom's VR text as a list: "US" → [US], "US or SS" → [US, SS], "OB_OW" → [OB, OW].
     *
     * @throws IllegalArgumentException for an unknown VR
     */
    static List<VR> vrs(String text) {
        List<VR> out = new ArrayList<>(2);
        for (String code : text.split(" or |_")) {
            VR vr = VR.ofName(code.trim());
            if (vr == null) {
                throw new IllegalArgumentException("unknown VR '" + text + "'");
            }
            out.add(vr);
        }
        return List.copyOf(out);
    }

    /**
     * A keyword for a name: its runs of ASCII letters and digits, each started in upper case, joined ("Total number
     * of series" → "TotalNumberOfSeries", "Text_annotation" → "TextAnnotation"). Apostrophes do not split words,
     * and a possessive "'s" is dropped as in PS3.6 ("Patient's Name" → "PatientName"). Empty for an empty name.
     */
    public static String keyword(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean wordStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\'') {
                boolean possessive = i + 1 < name.length() && (name.charAt(i + 1) == 's' || name.charAt(i + 1) == 'S')
                        && (i + 2 == name.length() || !isAsciiLetterOrDigit(name.charAt(i + 2)));
                if (possessive) {
                    i++;
                }
            } else if (isAsciiLetterOrDigit(c)) {
                out.append(wordStart ? Character.toUpperCase(c) : c);
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
