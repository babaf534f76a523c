package org.kerma.dicom.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;

/**
 * What a DICOM JSON or XML round trip can promise to give back: the data set rebuilt from its values through the
 * public {@link DicomObject} API, independently of the JSON and XML code.
 *
 * <p>JSON and XML carry values, not bytes, so: every string value is decoded (through the data set's Specific
 * Character Set), trimmed as {@link DicomObject#strings} trims it, and put again with {@code putString}, which
 * pads it per VR; binary values of odd length get their padding byte. For XML also: Group Length elements are left
 * out (PS3.19 A.1.1), and each PN component group loses its trailing empty components (the XML has one element per
 * component, so "Doe^John^^" and "Doe^John" are the same document). Everything else (VRs, binary numbers, AT,
 * bytes, fragments, sequence structure) must come back exactly.
 */
final class Canonical {
    private Canonical() {
    }

    static DicomObject of(DicomObject original, boolean xml) {
        DicomObject out = new DicomObject();
        copy(original, out, xml);
        return out;
    }

    private static void copy(DicomObject from, DicomObject to, boolean xml) {
        for (int i = 0; i < from.size(); i++) {
            int tag = from.tagAt(i);
            VR vr = from.vrAt(i);
            Object value = from.valueAt(i);
            if (xml && Tags.isGroupLength(tag)) {
                continue;
            }
            if (value instanceof Sequence seq) {
                Sequence copy = to.newSequence(tag);
                for (DicomObject item : seq.items()) {
                    copy(item, copy.addItem(), xml);
                }
            } else if (value instanceof byte[] bytes && vr.isString()) {
                List<String> values = from.strings(tag);
                if (vr == VR.PN) {
                    values = values.stream().map(v -> xml ? xmlName(v) : jsonName(v)).toList();
                }
                to.putString(tag, vr, values.toArray(String[]::new));
            } else if (value instanceof byte[] bytes && (bytes.length & 1) == 1) {
                byte[] even = Arrays.copyOf(bytes, bytes.length + 1);
                even[bytes.length] = vr.padding();
                to.put(tag, vr, even);
            } else {
                to.put(tag, vr, value);
            }
        }
    }

    /** JSON has one member per non-empty group: trailing empty groups ("Doe^John=") are not carried. */
    private static String jsonName(String value) {
        String v = value;
        while (v.endsWith("=")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    private static String xmlName(String value) {
        String[] groups = value.split("=", -1);
        List<String> out = new ArrayList<>();
        for (int g = 0; g < groups.length && g < 3; g++) {
            String[] c = groups[g].split("\\^", 5);
            int last = c.length - 1;
            while (last > 0 && c[last].isEmpty()) {
                last--;
            }
            out.add(String.join("^", Arrays.copyOf(c, last + 1)));
        }
        if (groups.length > 3) {
            out.set(2, out.get(2) + "=" + String.join("=", Arrays.copyOfRange(groups, 3, groups.length)));
        }
        int last = out.size() - 1;
        while (last > 0 && out.get(last).isEmpty()) {
            last--;
        }
        return String.join("=", out.subList(0, last + 1));
    }

    /** The first difference between two data sets, as "path: what", or null when they are equal. */
    static String firstDifference(DicomObject a, DicomObject b, String prefix) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (i >= a.size() || i >= b.size() || a.tagAt(i) != b.tagAt(i)) {
                int tag = i < a.size() ? a.tagAt(i) : b.tagAt(i);
                return prefix + Tags.toHex(tag) + ": present in only one (expected " + a.size() + " elements, got "
                        + b.size() + ")";
            }
            String path = prefix + Tags.toHex(a.tagAt(i));
            if (a.vrAt(i) != b.vrAt(i)) {
                return path + ": VR expected " + a.vrAt(i) + ", got " + b.vrAt(i);
            }
            Object x = a.valueAt(i);
            Object y = b.valueAt(i);
            if (x instanceof Sequence s && y instanceof Sequence t) {
                if (s.size() != t.size()) {
                    return path + ": expected " + s.size() + " items, got " + t.size();
                }
                for (int k = 0; k < s.size(); k++) {
                    String d = firstDifference(s.item(k), t.item(k), path + "/" + k + "/");
                    if (d != null) {
                        return d;
                    }
                }
            } else if (x instanceof byte[] p && y instanceof byte[] q) {
                if (!Arrays.equals(p, q)) {
                    return path + ": bytes expected " + show(p) + ", got " + show(q);
                }
            } else if (x instanceof Fragments f && y instanceof Fragments g) {
                if (f.size() != g.size()) {
                    return path + ": expected " + f.size() + " fragments, got " + g.size();
                }
            } else if (!Objects.equals(x, y)) {
                return path + ": expected " + x + ", got " + y;
            }
        }
        return null;
    }

    private static String show(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 60), java.nio.charset.StandardCharsets.ISO_8859_1);
        return b.length + " bytes '" + s.replaceAll("[^\\x20-\\x7E]", "?") + "'";
    }
}
