package org.kerma.dicom.corpus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;

/** Kerma's view of a data set in the same normalised form as {@code pydicom_view.py}, for comparison. */
final class KermaView {
    private final boolean bigEndian;
    private final List<PydicomView.Element> out = new ArrayList<>();

    private KermaView(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static List<PydicomView.Element> of(DicomObject dataset, boolean bigEndian) {
        KermaView view = new KermaView(bigEndian);
        view.walk(dataset, "");
        return view.out;
    }

    private void walk(DicomObject obj, String prefix) {
        for (int i = 0; i < obj.size(); i++) {
            int tag = obj.tagAt(i);
            String path = prefix + Tags.toHex(tag);
            VR vr = obj.vrAt(i);
            Object value = obj.valueAt(i);
            if (value instanceof Sequence seq) {
                out.add(new PydicomView.Element(path, "SQ", "<" + seq.size() + " items>"));
                for (int k = 0; k < seq.size(); k++) {
                    walk(seq.item(k), path + "/" + k + "/");
                }
            } else if (value instanceof Fragments f) {
                out.add(new PydicomView.Element(path, vr.name(), bytesText(encapsulated(f))));
            } else if (value instanceof BulkData) {
                out.add(new PydicomView.Element(path, vr.name(), "<bulk>"));
            } else {
                out.add(new PydicomView.Element(path, displayVr(obj, tag, vr), text(obj, tag, vr, (byte[]) value)));
            }
        }
    }

    /** pydicom replaces UN by the dictionary VR; Kerma decodes UN through the dictionary VR as well. */
    private static String displayVr(DicomObject obj, int tag, VR vr) {
        if (vr == VR.UN && obj.dictionaryVr(tag) != VR.UN) {
            return obj.dictionaryVr(tag).name();
        }
        return vr.name();
    }

    private String text(DicomObject obj, int tag, VR vr, byte[] bytes) {
        VR effective = vr == VR.UN && obj.dictionaryVr(tag) != VR.UN ? obj.dictionaryVr(tag) : vr;
        if (effective.kind() == VR.Kind.BYTES || effective == VR.SQ) {
            byte[] b = bytes;
            if (bigEndian && effective.swapsBytes() && vr != VR.UN) {
                b = bytes.clone();
                for (int i = 0; i + effective.swapUnit() <= b.length; i += effective.swapUnit()) {
                    for (int lo = i, hi = i + effective.swapUnit() - 1; lo < hi; lo++, hi--) {
                        byte t = b[lo];
                        b[lo] = b[hi];
                        b[hi] = t;
                    }
                }
            }
            return bytesText(b);
        }
        if (bytes.length == 0) {
            return "";
        }
        try {
            return String.join("\\", obj.strings(tag));
        } catch (InvalidValueException e) {
            return "<invalid: " + e.getMessage() + ">";
        }
    }

    /** The encapsulated value as pydicom holds it: each item header and fragment, without the delimiter. */
    private static byte[] encapsulated(Fragments f) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (Object item : f.items()) {
            byte[] data = item instanceof byte[] x ? x : new byte[0];
            b.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0});
            int n = data.length;
            b.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
            b.writeBytes(data);
        }
        return b.toByteArray();
    }

    static String bytesText(byte[] b) {
        if (b.length == 0) {
            return "";
        }
        try {
            return "<" + b.length + " bytes sha1 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b)) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
