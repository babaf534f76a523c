package org.kerma.dicom.internal.model;

import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.VR;
import org.kerma.dicom.json.BulkDataUris;
import org.kerma.dicom.json.BulkDataValue;

/** What the JSON and XML writers need from one element of a {@link DicomObject}. */
public final class ValueTexts {
    private ValueTexts() {
    }

    /**
     * The values of a non-sequence, non-binary element as text, decoded through the data set's Specific Character
     * Set and trimmed per VR; an empty value is null. Empty list when the element has no value (or only one, empty,
     * value). Binary numbers and AT as {@link Numbers#texts} and {@link Numbers#tagTexts} give them.
     */
    public static List<String> of(DicomObject obj, int index, String path) {
        byte[] bytes = (byte[]) obj.valueAt(index);
        VR vr = obj.vrAt(index);
        if (bytes.length == 0) {
            return List.of();
        }
        List<String> texts;
        if (vr.isString()) {
            try {
                texts = obj.strings(obj.tagAt(index));
            } catch (InvalidValueException e) {
                throw new ModelException(path, e.getMessage(), e);
            }
        } else if (vr == VR.AT) {
            texts = Numbers.tagTexts(bytes, path);
        } else {
            texts = Numbers.texts(bytes, vr, path);
        }
        if (texts.size() == 1 && texts.get(0).isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(t.isEmpty() ? null : t);
        }
        return out;
    }

    /** The three groups of a PN value (alphabetic, ideographic, phonetic), each possibly empty. */
    public static String[] personNameGroups(String value) {
        String[] groups = value.split("=", -1);
        String[] out = {"", "", ""};
        for (int i = 0; i < groups.length && i < 3; i++) {
            out[i] = groups[i];
        }
        if (groups.length > 3) {
            out[2] = String.join("=", java.util.Arrays.copyOfRange(groups, 2, groups.length));
        }
        return out;
    }

    /** The DICOM form of a PN value from its groups, trailing empty groups dropped. */
    public static String joinPersonName(String alphabetic, String ideographic, String phonetic) {
        if (!phonetic.isEmpty()) {
            return alphabetic + "=" + ideographic + "=" + phonetic;
        }
        if (!ideographic.isEmpty()) {
            return alphabetic + "=" + ideographic;
        }
        return alphabetic;
    }

    /** True for the VRs whose values are written as InlineBinary or BulkDataURI. */
    public static boolean isBinary(VR vr) {
        return vr.kind() == VR.Kind.BYTES;
    }

    /**
     * How a binary value (or any value left in its file) is to be written: a {@code byte[]} to write inline, or a
     * {@code String} BulkDataURI.
     */
    public static Object binaryForm(DicomObject obj, int index, String path, long inlineThreshold,
                                    BulkDataUris uris) {
        Object value = obj.valueAt(index);
        boolean inFile = value instanceof BulkData
                || value instanceof Fragments f && f.items().stream().anyMatch(i -> i instanceof BulkData);
        byte[] bytes = null;
        if (!inFile) {
            bytes = value instanceof Fragments f ? Encapsulated.encode(f) : (byte[]) value;
            if (bytes.length < inlineThreshold) {
                return bytes;
            }
        }
        try {
            String uri = uris.uriFor(new BulkDataValue(path, obj.tagAt(index), obj.vrAt(index), value));
            if (uri == null || uri.isEmpty()) {
                throw new IllegalArgumentException("the BulkDataUris function gave no URI");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ModelException(path, "cannot write the value as a BulkDataURI: " + e.getMessage(), e);
        }
    }
}
