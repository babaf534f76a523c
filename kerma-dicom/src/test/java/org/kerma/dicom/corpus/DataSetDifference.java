package org.kerma.dicom.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;

/**
 * Where two data sets differ, or where in a data set a byte offset of its encoding falls, as a path such as
 * {@code (0040,A730)[3]/(0008,1199)[0]/(2001,10C1)}: for test failure messages, so that a failing round trip names
 * the element instead of a bare "not equal".
 */
final class DataSetDifference {
    private final boolean afterWrite;
    private final boolean implicitVr;

    private DataSetDifference(boolean afterWrite, boolean implicitVr) {
        this.afterWrite = afterWrite;
        this.implicitVr = implicitVr;
    }

    /** The first element where {@code actual} differs from {@code expected}, in words; empty when they are equal. */
    static Optional<String> first(DicomObject expected, DicomObject actual) {
        return new DataSetDifference(false, false).first(expected, actual, "");
    }

    /**
     * As {@link #first}, for {@code readBack} read from {@code original} written in {@code ts}, allowing what the
     * writer must change: group length values (recomputed for the encoding; check them separately), an odd-length
     * value padded to even length with one byte (PS3.5 section 7.1.1), and, in implicit VR, a VR that the reader
     * takes from its dictionary (UN for an unknown tag; one of the VRs of a multi-VR tag, PS3.5 Annex A.1).
     */
    static Optional<String> afterWrite(DicomObject original, DicomObject readBack, TransferSyntax ts) {
        return new DataSetDifference(true, !ts.explicitVr()).first(original, readBack, "");
    }

    private Optional<String> first(DicomObject expected, DicomObject actual, String prefix) {
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            int a = i < expected.size() ? expected.tagAt(i) : -1;
            int b = j < actual.size() ? actual.tagAt(j) : -1;
            if (i >= expected.size() || (j < actual.size() && Integer.compareUnsigned(b, a) < 0)) {
                return Optional.of(prefix + Tags.format(b) + " is new: " + actual.vrAt(j) + " " + describe(actual.valueAt(j)));
            }
            if (j >= actual.size() || Integer.compareUnsigned(a, b) < 0) {
                return Optional.of(prefix + Tags.format(a) + " is missing: " + expected.vrAt(i) + " "
                        + describe(expected.valueAt(i)));
            }
            String path = prefix + Tags.format(a);
            if (expected.vrAt(i) != actual.vrAt(j) && !(implicitVr && vrFromDictionary(actual, j, expected.vrAt(i)))) {
                return Optional.of(path + " VR " + expected.vrAt(i) + " became " + actual.vrAt(j));
            }
            boolean groupLength = afterWrite && Tags.isGroupLength(a);
            Optional<String> d = groupLength ? Optional.empty()
                    : firstInValue(expected.valueAt(i), actual.valueAt(j), path);
            if (d.isPresent()) {
                return d;
            }
            i++;
            j++;
        }
        return Optional.empty();
    }

    /** True when element {@code index} of {@code obj} has the VR an implicit-VR reader gives it. */
    private static boolean vrFromDictionary(DicomObject obj, int index, VR original) {
        VR read = obj.vrAt(index);
        if (read == obj.dictionaryVr(obj.tagAt(index))) {
            return true;
        }
        List<VR> vrs = ElementDictionary.standard().find(obj.tagAt(index)).map(DictionaryEntry::vrs).orElse(List.of());
        return vrs.contains(read) && vrs.contains(original);
    }

    private Optional<String> firstInValue(Object x, Object y, String path) {
        if (x instanceof Sequence s && y instanceof Sequence t) {
            if (s.size() != t.size()) {
                return Optional.of(path + " has " + t.size() + " items instead of " + s.size());
            }
            for (int k = 0; k < s.size(); k++) {
                Optional<String> d = first(s.item(k), t.item(k), path + "[" + k + "]/");
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (x instanceof byte[] p && y instanceof byte[] q) {
            return Arrays.equals(p, q) || (afterWrite && padded(p, q)) ? Optional.empty()
                    : Optional.of(path + " value " + describe(p) + " became " + describe(q));
        }
        if (x instanceof Fragments f && y instanceof Fragments g) {
            if (f.size() != g.size()) {
                return Optional.of(path + " has " + g.size() + " fragments instead of " + f.size());
            }
            for (int k = 0; k < f.size(); k++) {
                Optional<String> d = firstInValue(f.items().get(k), g.items().get(k), path + " fragment " + k);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        return x.equals(y) ? Optional.empty()
                : Optional.of(path + " value " + describe(x) + " became " + describe(y));
    }

    /** True when {@code q} is the odd-length {@code p} with one padding byte (NUL or space) appended. */
    private static boolean padded(byte[] p, byte[] q) {
        return (p.length & 1) != 0 && q.length == p.length + 1 && Arrays.equals(p, 0, p.length, q, 0, p.length)
                && (q[p.length] == 0 || q[p.length] == ' ');
    }

    private static String describe(Object value) {
        if (value instanceof byte[] b) {
            return b.length <= 24 ? b.length + " bytes " + printable(b) : b.length + " bytes";
        }
        if (value instanceof Sequence s) {
            return "sequence of " + s.size() + " items";
        }
        if (value instanceof Fragments f) {
            return f.size() + " fragments";
        }
        return String.valueOf(value);
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder("'");
        for (byte c : b) {
            sb.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\x%02X", c & 0xFF));
        }
        return sb.append('\'').toString();
    }

    /**
     * The path of the innermost element of {@code dataset} whose encoding holds byte {@code offset} of the stream
     * it was read from (using the offsets the reader recorded), or "before the first element".
     */
    static String elementAt(DicomObject dataset, long offset) {
        return elementAt(dataset, offset, "").orElse("before the first element");
    }

    private static Optional<String> elementAt(DicomObject obj, long offset, String prefix) {
        int found = -1;
        for (int i = 0; i < obj.size() && obj.streamOffsetAt(i) >= 0 && obj.streamOffsetAt(i) <= offset; i++) {
            found = i;
        }
        if (found < 0) {
            return Optional.empty();
        }
        String path = prefix + Tags.format(obj.tagAt(found)) + " " + obj.vrAt(found);
        if (obj.valueAt(found) instanceof Sequence seq) {
            List<DicomObject> items = seq.items();
            for (int k = items.size() - 1; k >= 0; k--) {
                if (items.get(k).streamOffset() >= 0 && items.get(k).streamOffset() <= offset) {
                    return Optional.of(elementAt(items.get(k), offset, path + "[" + k + "]/")
                            .orElse(path + "[" + k + "] item header"));
                }
            }
        }
        return Optional.of(path);
    }
}
