package org.kerma.dicom.corpus;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomFile;

/**
 * The ways in which an input is not valid that make Kerma's writer change it, found from the input itself: so that
 * each file listed in {@code roundtrip-not-identical.tsv} is checked to have the fault it is listed for.
 */
enum WriterCorrections {
    /** A value (or fragment) of odd length, which the writer pads to even length (PS3.5 section 7.1.1). */
    ODD_LENGTH,
    /** A group length element whose value is not the length of the rest of its group; the writer recomputes it. */
    GROUP_LENGTH,
    /**
     * An element encoded with VR UN whose VR the reader resolved through its dictionary (PS3.5 section 6.2.2); the
     * writer writes the resolved VR.
     */
    UN_RESOLVED,
    /** Encapsulated Pixel Data in a file labelled with a native transfer syntax; the writer refuses to write it. */
    ENCAPSULATED_IN_NATIVE;

    /** The label used in the list, e.g. "odd-length". */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The corrections the writer makes to {@code file}, whose data set was read from {@code input} (its data set
     * bytes, inflated if deflated).
     */
    static Set<WriterCorrections> of(DicomFile file, byte[] input) {
        Set<WriterCorrections> found = EnumSet.noneOf(WriterCorrections.class);
        if (!file.transferSyntax().encapsulated() && hasFragments(file.dataset())) {
            found.add(ENCAPSULATED_IN_NATIVE);
        }
        new Finder(file.datasetOffset(), input, found).walk(file.dataset(), file.transferSyntax().explicitVr(),
                file.datasetOffset() + input.length);
        return found;
    }

    /** True when the data set holds encapsulated Pixel Data (or any other top-level value in fragments). */
    static boolean hasFragments(DicomObject dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.valueAt(i) instanceof Fragments) {
                return true;
            }
        }
        return false;
    }

    /** Walks a data set with the stream offsets the reader recorded and looks at the input bytes there. */
    private record Finder(long base, byte[] input, Set<WriterCorrections> found) {
        /** {@code end}: the stream offset where this data set or item ends, or -1 when not known. */
        void walk(DicomObject obj, boolean explicitVr, long end) {
            for (int i = 0; i < obj.size(); i++) {
                Object value = obj.valueAt(i);
                boolean writtenAsUn = explicitVr && "UN".equals(vrBytes(obj.streamOffsetAt(i)));
                if (writtenAsUn && obj.vrAt(i) != VR.UN) {
                    found.add(UN_RESOLVED);
                }
                if (value instanceof byte[] b && (b.length & 1) != 0) {
                    found.add(ODD_LENGTH);
                }
                if (value instanceof Fragments f) {
                    for (int k = 0; k < f.size(); k++) {
                        if ((f.length(k) & 1) != 0) {
                            found.add(ODD_LENGTH);
                        }
                    }
                }
                if (Tags.isGroupLength(obj.tagAt(i)) && value instanceof byte[] b && b.length == 4
                        && Tags.group(obj.tagAt(i)) != 0x0002 && groupLengthIsWrong(obj, i, b, end)) {
                    found.add(GROUP_LENGTH);
                }
                if (value instanceof Sequence seq) {
                    // Items of a sequence read from UN, or in implicit VR, are in implicit VR (PS3.5 section 6.2.2).
                    for (DicomObject item : seq.items()) {
                        walk(item, explicitVr && !writtenAsUn, -1);
                    }
                }
            }
        }

        private String vrBytes(long streamOffset) {
            int at = (int) (streamOffset - base) + 4;
            return at >= 0 && at + 2 <= input.length ? new String(input, at, 2, StandardCharsets.ISO_8859_1) : "";
        }

        /** The group ends where the next group begins, or at {@code end}; its length counts from after this element. */
        private static boolean groupLengthIsWrong(DicomObject obj, int index, byte[] value, long end) {
            long groupEnd = end;
            for (int j = index + 1; j < obj.size(); j++) {
                if (Tags.group(obj.tagAt(j)) != Tags.group(obj.tagAt(index))) {
                    groupEnd = obj.streamOffsetAt(j);
                    break;
                }
            }
            if (groupEnd < 0) {
                return false;
            }
            long declared = (value[0] & 0xFFL) | (value[1] & 0xFFL) << 8 | (value[2] & 0xFFL) << 16
                    | (value[3] & 0xFFL) << 24;
            return declared != groupEnd - (obj.streamOffsetAt(index) + 12);
        }
    }
}
