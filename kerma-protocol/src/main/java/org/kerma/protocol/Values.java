package org.kerma.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;

/**
 * Typed reads that never throw: a value that cannot be read as asked (garbage in a number, a tag of the wrong
 * length, a sequence where a value was expected) is recorded as a finding at its path and read as absent.
 * A null findings list drops the finding (for labels and lookups).
 */
final class Values {
    private Values() {
    }

    static String string(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        List<String> all = strings(ds, tag, at, findings);
        return all.isEmpty() ? "" : all.get(0);
    }

    static List<String> strings(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        try {
            return ds.contains(tag) && !(ds.valueAt(ds.indexOf(tag)) instanceof Sequence) ? ds.strings(tag)
                    : absentOrWrong(ds, tag, at, findings);
        } catch (RuntimeException e) {
            return unreadable(tag, at, findings, e);
        }
    }

    static List<Integer> ints(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        try {
            List<Integer> list = new ArrayList<>();
            if (ds.contains(tag) && !(ds.valueAt(ds.indexOf(tag)) instanceof Sequence)) {
                for (long v : ds.longs(tag)) {
                    if (v != (int) v) {
                        throw new IllegalArgumentException(v + " is out of range");
                    }
                    list.add((int) v);
                }
                return list;
            }
            absentOrWrong(ds, tag, at, findings);
            return list;
        } catch (RuntimeException e) {
            return unreadable(tag, at, findings, e);
        }
    }

    static OptionalInt integer(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        List<Integer> all = ints(ds, tag, at, findings);
        return all.isEmpty() ? OptionalInt.empty() : OptionalInt.of(all.get(0));
    }

    static List<Long> longs(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        return numbers(ds, tag, at, findings, () -> Arrays.stream(ds.longs(tag)).boxed().toList());
    }

    static List<Double> doubles(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        return numbers(ds, tag, at, findings, () -> Arrays.stream(ds.doubles(tag)).boxed().toList());
    }

    /**
     * The values of a numeric element as {@code decode} reads them; an absent element, a sequence where numbers
     * belong, or values that cannot be decoded give an empty list and a finding at {@code at}.
     */
    private static <T> List<T> numbers(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings,
            java.util.function.Supplier<List<T>> decode) {
        try {
            if (ds.contains(tag) && !(ds.valueAt(ds.indexOf(tag)) instanceof Sequence)) {
                return new ArrayList<>(decode.get());
            }
            absentOrWrong(ds, tag, at, findings);
            return new ArrayList<>();
        } catch (RuntimeException e) {
            return unreadable(tag, at, findings, e);
        }
    }

    static OptionalDouble firstDouble(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        List<Double> all = doubles(ds, tag, at, findings);
        return all.isEmpty() || all.get(0).isNaN() ? OptionalDouble.empty() : OptionalDouble.of(all.get(0));
    }

    /** The items of a sequence; a non-sequence where a sequence belongs is a finding and reads as no items. */
    static List<DicomObject> items(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        int i = ds.indexOf(tag);
        if (i < 0) {
            return List.of();
        }
        if (ds.valueAt(i) instanceof Sequence s) {
            return s.items();
        }
        if (findings != null) {
            findings.add(new ProtocolFinding(at.attribute(tag), "is not a sequence (VR " + ds.vrAt(i) + ")"));
        }
        return List.of();
    }

    private static <T> List<T> absentOrWrong(DicomObject ds, int tag, ItemPath at, List<ProtocolFinding> findings) {
        if (ds.contains(tag) && findings != null) {
            findings.add(new ProtocolFinding(at.attribute(tag), "is a sequence where a value belongs"));
        }
        return new ArrayList<>();
    }

    private static <T> List<T> unreadable(int tag, ItemPath at, List<ProtocolFinding> findings, RuntimeException e) {
        if (findings != null) {
            findings.add(new ProtocolFinding(at.attribute(tag), "unreadable value: " + e.getMessage()));
        }
        return new ArrayList<>();
    }
}
