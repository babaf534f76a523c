package org.kerma.registry.query;

import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.registry.index.Hierarchy;

/**
 * Attribute matching for C-FIND (PS3.4 C.2.2.2): decides whether a candidate's attribute matches a key of the
 * request identifier. This is the authority on what matches; the SQL the engine runs only narrows the candidates.
 *
 * <ul>
 *   <li><b>Universal</b> (C.2.2.2.3): a key without value, or a single {@code *}, matches everything.</li>
 *   <li><b>Empty value</b> (C.2.2.2.1.1): {@code ""} matches a candidate whose attribute is absent or empty.</li>
 *   <li><b>Single value</b> (C.2.2.2.1): equal values, leading and trailing spaces ignored; PN compared without
 *       regard to case and trailing empty components, as C.2.2.2.1 permits for PN only. Date and time values are
 *       compared in canonical form (DA without ACR-NEMA dots, TM padded to HHMMSS.FFFFFF).</li>
 *   <li><b>List of UIDs</b> (C.2.2.2.2): a UI key with several values matches any of them.</li>
 *   <li><b>Wildcard</b> (C.2.2.2.4): {@code *} (any run, also empty) and {@code ?} (one character) in keys of any
 *       VR but DA, TM, DT, UI, SQ and binary VRs.</li>
 *   <li><b>Range</b> (C.2.2.2.5): {@code a-b}, {@code -b} and {@code a-} for DA, TM and DT, bounds inclusive.</li>
 *   <li><b>Sequence</b> (C.2.2.2.6): a key sequence with one item matches when some candidate item matches every
 *       key in it.</li>
 *   <li><b>Multiple values</b>: a key with several values (other than UI) matches when any of them does; a
 *       candidate with several values (Modalities in Study) matches when any of its values does.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Matching {

    private Matching() {
    }

    /** True when {@code candidate} matches every key of {@code keys} that {@code filter} accepts. */
    public static boolean matchesAll(DicomObject keys, DicomObject candidate, java.util.function.IntPredicate filter) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet || tag == Tag.QueryRetrieveLevel || !filter.test(tag)) {
                continue;
            }
            if (!matches(keys, i, candidate)) {
                return false;
            }
        }
        return true;
    }

    /** True when the candidate matches the key at {@code index} of {@code keys}. */
    static boolean matches(DicomObject keys, int index, DicomObject candidate) {
        int tag = keys.tagAt(index);
        VR vr = keys.vrAt(index);
        if (vr == VR.SQ || keys.valueAt(index) instanceof Sequence) {
            return matchesSequence(keys.items(tag), candidate.items(tag));
        }
        List<String> wanted = valuesOf(keys, tag, vr);
        if (wanted.isEmpty() || wanted.size() == 1 && wanted.get(0).equals("*") && wildcardAllowed(vr)) {
            return true;
        }
        List<String> have = valuesOf(candidate, tag, vr);
        if (wanted.size() == 1 && wanted.get(0).equals("\"\"")) {
            return have.isEmpty();
        }
        for (String w : wanted) {
            for (String h : have) {
                if (matchesValue(vr, w, h)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One key value against one candidate value. */
    static boolean matchesValue(VR vr, String key, String value) {
        switch (vr) {
            case DA -> {
                int dash = key.indexOf('-');
                return dash >= 0 ? inRange(key, dash, date(value), Matching::date, Matching::date)
                        : date(key).equals(date(value));
            }
            case TM -> {
                int dash = key.indexOf('-');
                return dash >= 0 ? inRange(key, dash, time(value), Matching::time, Matching::timeUpper)
                        : time(key).equals(time(value));
            }
            case DT -> {
                int dash = dateTimeRangeDash(key);
                return dash >= 0 ? inRange(key, dash, dateTime(value, '0'), v -> dateTime(v, '0'),
                        v -> dateTime(v, '9')) : dateTime(key, '0').equals(dateTime(value, '0'));
            }
            case PN -> {
                String k = normalizeName(key);
                String v = normalizeName(value);
                return hasWildcard(k) ? wildcard(k, v) : k.equals(v);
            }
            case UI -> {
                return key.trim().equals(value.trim());
            }
            default -> {
                String k = key.trim();
                String v = value.trim();
                if (wildcardAllowed(vr) && hasWildcard(k)) {
                    return wildcard(k, v);
                }
                if (vr == VR.IS || vr == VR.DS) {
                    return numericEquals(k, v);
                }
                return k.equals(v);
            }
        }
    }

    private static boolean matchesSequence(List<DicomObject> keyItems, List<DicomObject> candidateItems) {
        if (keyItems.isEmpty() || keyItems.get(0).isEmpty()) {
            return true;
        }
        DicomObject keyItem = keyItems.get(0);
        for (DicomObject item : candidateItems) {
            if (matchesAll(keyItem, item, t -> true)) {
                return true;
            }
        }
        return false;
    }

    /** See {@link Hierarchy#normalizeName}: the same form the index stores names in. */
    static String normalizeName(String name) {
        return Hierarchy.normalizeName(name);
    }

    static boolean hasWildcard(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0;
    }

    static boolean wildcardAllowed(VR vr) {
        return switch (vr) {
            case AE, CS, LO, LT, PN, SH, ST, UC, UR, UT -> true;
            default -> false;
        };
    }

    /**
     * Wildcard match: '*' any run of characters, '?' exactly one (PS3.4 C.2.2.2.4). Greedy with one backtrack
     * point, so time stays linear-ish in hostile patterns such as {@code a*a*a*a*b}.
     */
    static boolean wildcard(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int mark = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean inRange(String range, int dash, String value,
                                   java.util.function.UnaryOperator<String> lower,
                                   java.util.function.UnaryOperator<String> upper) {
        String from = range.substring(0, dash).trim();
        String to = range.substring(dash + 1).trim();
        if (value.isEmpty()) {
            return false;
        }
        return (from.isEmpty() || value.compareTo(lower.apply(from)) >= 0)
                && (to.isEmpty() || value.compareTo(upper.apply(to)) <= 0);
    }

    /**
     * The dash separating the bounds of a DT range, or -1: a dash followed by four digits (HHMM, hours at most 14)
     * that end the value or a bound is a UTC offset (PS3.5 Table 6.2-1, DT), not a separator.
     */
    static int dateTimeRangeDash(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == '-' && (i == 0 || !isUtcOffset(key, i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUtcOffset(String key, int dash) {
        int end = dash + 5;
        if (end > key.length() || end < key.length() && key.charAt(end) != '-') {
            return false;
        }
        for (int i = dash + 1; i < end; i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(key.substring(dash + 1, dash + 3)) <= 14;
    }

    static String date(String v) {
        return v.trim().replace(".", "");
    }

    /** TM in canonical form HHMMSS.FFFFFF, missing parts as zeros; the ACR-NEMA colons dropped. */
    static String time(String v) {
        return padTime(v, '0');
    }

    /** The latest time a partial TM bound stands for: "10" is 10:59:59.999999. */
    private static String timeUpper(String v) {
        return padTime(v, '9');
    }

    private static String padTime(String v, char fill) {
        String t = v.trim().replace(":", "");
        String whole = t.indexOf('.') >= 0 ? t.substring(0, t.indexOf('.')) : t;
        String fraction = t.indexOf('.') >= 0 ? t.substring(t.indexOf('.') + 1) : "";
        StringBuilder s = new StringBuilder(whole);
        while (s.length() < 6) {
            s.append(s.length() % 2 == 0 ? (fill == '9' ? '5' : '0') : fill);
        }
        StringBuilder f = new StringBuilder(fraction);
        while (f.length() < 6) {
            f.append(fill);
        }
        return s + "." + f;
    }

    /** DT without UTC offset, padded to YYYYMMDDHHMMSS.FFFFFF with {@code fill} for the parts not given. */
    private static String dateTime(String v, char fill) {
        String t = v.trim();
        int offset = Math.max(t.indexOf('+', 4), t.indexOf('-', 4));
        if (offset > 0) {
            t = t.substring(0, offset);
        }
        String whole = t.indexOf('.') >= 0 ? t.substring(0, t.indexOf('.')) : t;
        String fraction = t.indexOf('.') >= 0 ? t.substring(t.indexOf('.') + 1) : "";
        StringBuilder s = new StringBuilder(whole);
        while (s.length() < 14) {
            s.append(fill);
        }
        StringBuilder f = new StringBuilder(fraction);
        while (f.length() < 6) {
            f.append(fill);
        }
        return s + "." + f;
    }

    private static boolean numericEquals(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    /** The values of an attribute as text; a single-valued text VR keeps its backslashes. */
    private static List<String> valuesOf(DicomObject ds, int tag, VR vr) {
        if (!ds.contains(tag)) {
            return List.of();
        }
        List<String> values = ds.strings(tag);
        return values.size() == 1 && values.get(0).isEmpty() ? List.of() : values;
    }
}
