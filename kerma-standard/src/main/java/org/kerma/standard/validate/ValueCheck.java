package org.kerma.standard.validate;

import java.util.List;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;

/**
 * Checks every element of a data set, in every sequence item, against its VR ({@link ValueRules}) and the VM of
 * the data dictionary (PS3.6), whatever module it belongs to. Private elements are checked against their VR only.
 */
final class ValueCheck {
    private ValueCheck() {
    }

    static void checkAll(DicomObject item, List<Finding> findings) {
        walk(item, ItemPath.ROOT, findings);
    }

    private static void walk(DicomObject item, ItemPath path, List<Finding> findings) {
        for (int i = 0; i < item.size(); i++) {
            int tag = item.tagAt(i);
            Object value = item.valueAt(i);
            if (value instanceof Sequence sequence) {
                for (int n = 0; n < sequence.size(); n++) {
                    walk(sequence.item(n), path.item(tag, n), findings);
                }
                continue;
            }
            VR vr = item.vrAt(i);
            if (!(value instanceof byte[] bytes) || bytes.length == 0 || !vr.isString() || Tags.isGroupLength(tag)) {
                continue;
            }
            if (vr != VR.UI && bytes[bytes.length - 1] == 0) {
                findings.add(finding(Rule.INVALID_VALUE, tag, path, vr
                        + " value padded with NUL (0x00); PS3.5 Section 6.2 pads only UI with NUL, other VRs with space"));
            }
            int accepted = RawValueCheck.acceptedValueCount(vr, bytes);
            if (accepted != RawValueCheck.UNDECIDED) {
                checkVm(tag, vr, accepted, path, findings);
                continue;
            }
            List<String> values;
            try {
                values = item.strings(tag);
            } catch (InvalidValueException e) {
                findings.add(finding(Rule.INVALID_VALUE, tag, path, e.getMessage()));
                continue;
            }
            for (int v = 0; v < values.size(); v++) {
                String reason = ValueRules.check(vr, values.get(v));
                if (reason != null) {
                    findings.add(finding(Rule.INVALID_VALUE, tag, path, vr + " value " + (v + 1) + " '"
                            + printable(values.get(v)) + "': " + reason));
                }
            }
            checkVm(tag, vr, values.size(), path, findings);
        }
    }

    private static void checkVm(int tag, VR vr, int count, ItemPath path, List<Finding> findings) {
        if (Tags.isPrivate(tag) || !vr.isMultiValuedString() && vr.isString()) {
            return;
        }
        DictionaryEntry entry = ElementDictionary.standard().find(tag).orElse(null);
        if (entry != null && !ValueRules.vmAllows(entry.vm(), count)) {
            findings.add(finding(Rule.INVALID_VM, tag, path, count + " values where the dictionary's VM is "
                    + entry.vm()));
        }
    }

    /** The number of values of an element: items of a sequence, values of a string or binary VR; -1 if unknown. */
    static int valueCount(DicomObject item, int tag) {
        Object value = item.findValue(tag).orElse(null);
        if (value instanceof Sequence s) {
            return s.size();
        }
        if (value instanceof Fragments || value instanceof BulkData) {
            return 1;
        }
        try {
            VR vr = item.findVr(tag).orElse(VR.UN);
            if (vr.isString() || vr.kind() == VR.Kind.BINARY_NUMBER || vr.kind() == VR.Kind.TAG) {
                return item.strings(tag).size();
            }
            return value instanceof byte[] b && b.length > 0 ? 1 : 0;
        } catch (InvalidValueException e) {
            return -1;
        }
    }

    private static Finding finding(Rule rule, int tag, ItemPath path, String reason) {
        return new Finding(Severity.ERROR, rule, "", tag, IodValidator.keyword(tag), path.toString(), reason);
    }

    static String printable(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            s.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return value.length() > 64 ? s + "..." : s.toString();
    }
}
