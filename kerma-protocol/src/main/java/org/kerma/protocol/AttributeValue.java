package org.kerma.protocol;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.VR;

/**
 * The value(s) of one attribute, as a constraint states them (one item of the Constraint Value Sequence, PS3.3
 * Table 10.25-2 Attribute Value Macro) or as a performed protocol or image holds them.
 *
 * <p>Numbers, dates, times, ages and strings are kept as their DICOM text, one entry per value (numbers of binary VRs
 * in decimal); a code sequence value (VR SQ) is kept as its codes.
 *
 * @param vr     the VR the values are encoded in; SQ for codes
 * @param values the values as text (empty for codes)
 * @param codes  the codes of a code sequence value (empty otherwise)
 */
public record AttributeValue(VR vr, List<String> values, List<Code> codes) {

    public AttributeValue {
        Objects.requireNonNull(vr, "vr");
        values = List.copyOf(values);
        codes = List.copyOf(codes);
    }

    /** A value of a text or number VR. */
    public static AttributeValue of(VR vr, String... values) {
        return new AttributeValue(vr, List.of(values), List.of());
    }

    /** A coded value (a code sequence with these items). */
    public static AttributeValue ofCodes(Code... codes) {
        return new AttributeValue(VR.SQ, List.of(), List.of(codes));
    }

    /**
     * The values of a non-sequence element as text; FL and FD values in their shortest decimal form (an FL of 0.1
     * reads "0.1", not the double nearest the float; 180.0 reads "180").
     */
    static List<String> texts(DicomObject ds, int tag, VR vr) {
        List<String> raw = ds.strings(tag);
        if (vr != VR.FL && vr != VR.FD) {
            return raw;
        }
        List<String> out = new java.util.ArrayList<>(raw.size());
        for (String s : raw) {
            double d = Double.parseDouble(s);
            String t = vr == VR.FL ? Float.toString((float) d) : Double.toString(d);
            out.add(t.endsWith(".0") ? t.substring(0, t.length() - 2) : t);
        }
        return out;
    }

    public boolean coded() {
        return vr == VR.SQ;
    }

    /** How many values (or codes) there are. */
    public int size() {
        return coded() ? codes.size() : values.size();
    }

    /** Values joined by backslash as DICOM writes them; codes as {@code (value, scheme, "meaning")}. */
    @Override
    public String toString() {
        return coded() ? codes.stream().map(Code::toString).collect(Collectors.joining(", "))
                : String.join("\\", values);
    }
}
