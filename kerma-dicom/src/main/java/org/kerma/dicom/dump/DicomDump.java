package org.kerma.dicom.dump;

import java.io.IOException;
import java.util.List;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.ReadWarning;

/**
 * A dcmdump-like listing with byte offsets: one line per element with offset, tag, VR, length, VM, keyword and
 * value; items and their elements indented under their sequence.
 *
 * <pre>
 *      offset tag          VR  length VM keyword                          value
 *         132 (0002,0000)  UL       4  1 FileMetaInformationGroupLength   194
 *        1270 (0040,A730)  SQ   undef  1 ContentSequence                  2 items
 *        1282   item 1 (undefined length)
 *        1290     (0040,A010) CS    8  1 RelationshipType                 CONTAINS
 * </pre>
 *
 * Values longer than {@code maxValueLength} characters are cut and end with "...". Binary values show their first
 * numbers; bulk data shows where it is.
 */
public final class DicomDump {
    private final Appendable out;
    private final int maxValueLength;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    private DicomDump(Appendable out, int maxValueLength) {
        this.out = out;
        this.maxValueLength = maxValueLength;
    }

    /** Writes the listing of a file: meta group, data set, then the reader's warnings. */
    public static void write(DicomFile file, Appendable out, int maxValueLength) throws IOException {
        DicomDump dump = new DicomDump(out, maxValueLength);
        out.append("# transfer syntax: ").append(file.transferSyntax().uid()).append(" (")
                .append(file.transferSyntax().name()).append(")\n");
        if (!file.fileMeta().isEmpty()) {
            out.append("# file meta information\n");
            dump.object(file.fileMeta(), 0);
        }
        out.append("# data set").append(file.transferSyntax().deflated()
                ? " (offsets count from the start of the inflated data set)\n" : "\n");
        dump.object(file.dataset(), 0);
        if (file.stoppedAt() >= 0) {
            out.append(String.format("%10d # stopped before pixel data%n", file.stoppedAt()));
        }
        for (ReadWarning w : file.warnings()) {
            out.append("# warning: ").append(w.toString()).append('\n');
        }
        if (file.warningCount() > file.warnings().size()) {
            out.append("# ").append(Integer.toString(file.warningCount() - file.warnings().size()))
                    .append(" more warnings not shown\n");
        }
    }

    /** Writes the listing of a data set held in memory (offsets are those recorded when it was read). */
    public static void write(DicomObject dataset, Appendable out, int maxValueLength) throws IOException {
        new DicomDump(out, maxValueLength).object(dataset, 0);
    }

    private void object(DicomObject obj, int depth) throws IOException {
        for (int i = 0; i < obj.size(); i++) {
            element(obj, i, depth);
        }
    }

    private void element(DicomObject obj, int i, int depth) throws IOException {
        int tag = obj.tagAt(i);
        VR vr = obj.vrAt(i);
        Object value = obj.valueAt(i);
        String keyword = keyword(obj, tag);
        String indent = "  ".repeat(depth);
        String length;
        String vm;
        String text;
        if (value instanceof Sequence seq) {
            length = seq.undefinedLength() ? "undef" : "def";
            vm = "1";
            text = seq.size() + (seq.size() == 1 ? " item" : " items");
        } else if (value instanceof Fragments f) {
            length = "undef";
            vm = "1";
            text = (f.size() - 1) + " fragments (encapsulated)";
        } else if (value instanceof BulkData b) {
            length = Long.toString(b.length());
            vm = "1";
            text = "bulk data at offset " + b.offset() + " of " + b.uri();
        } else {
            byte[] bytes = (byte[]) value;
            length = Integer.toString(bytes.length);
            String[] v = valueText(obj, tag, vr, bytes);
            vm = v[0];
            text = v[1];
        }
        out.append(String.format("%10s %s%s %s %6s %2s %-34s %s%n", offset(obj.streamOffsetAt(i)), indent,
                Tags.format(tag), vr, length, vm, keyword, text));
        if (value instanceof Sequence seq) {
            for (int k = 0; k < seq.size(); k++) {
                DicomObject item = seq.item(k);
                out.append(String.format("%10s %s  item %d%s%n", offset(item.streamOffset()), indent, k + 1,
                        item.undefinedItemLength() ? " (undefined length)" : ""));
                object(item, depth + 2);
            }
        } else if (value instanceof Fragments f) {
            for (int k = 0; k < f.size(); k++) {
                out.append(String.format("%10s %s  %s %d bytes%n", offset(f.streamOffset(k)), indent,
                        k == 0 ? "basic offset table" : "fragment " + k, f.length(k)));
            }
        }
    }

    private String keyword(DicomObject obj, int tag) {
        if (Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag) && !Tags.isGroupLength(tag)) {
            String creator = obj.privateCreatorOf(tag);
            String kw = creator == null ? "" : dictionary.findPrivate(creator, tag).map(e -> e.keyword()).orElse("");
            return kw.isEmpty() ? "(private" + (creator == null ? ", no creator)" : " " + creator + ")") : kw;
        }
        String kw = dictionary.keywordOf(tag);
        return kw.isEmpty() ? "(unknown)" : kw;
    }

    /** {vm, display text}. */
    private String[] valueText(DicomObject obj, int tag, VR vr, byte[] bytes) {
        if (bytes.length == 0) {
            return new String[] {"0", "(no value)"};
        }
        if (vr == VR.OB || vr == VR.UN || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL
                || vr == VR.OV) {
            if (vr == VR.UN && obj.dictionaryVr(tag) != VR.UN && obj.dictionaryVr(tag).isString()) {
                return decoded(obj, tag, vr, bytes);
            }
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < Math.min(bytes.length, 16); k++) {
                sb.append(k > 0 ? "\\" : "").append(String.format("%02x", bytes[k] & 0xFF));
            }
            return new String[] {"1", cut(sb + (bytes.length > 16 ? "..." : ""))};
        }
        return decoded(obj, tag, vr, bytes);
    }

    private String[] decoded(DicomObject obj, int tag, VR vr, byte[] bytes) {
        try {
            List<String> values = obj.strings(tag);
            return new String[] {Integer.toString(values.size()), cut("[" + String.join("\\", values) + "]")};
        } catch (InvalidValueException e) {
            return new String[] {"?", "(invalid: " + e.getMessage() + ")"};
        }
    }

    private String cut(String s) {
        String oneLine = s.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= maxValueLength ? oneLine : oneLine.substring(0, maxValueLength) + "...";
    }

    private static String offset(long offset) {
        return offset < 0 ? "-" : Long.toString(offset);
    }
}
