package org.kerma.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;

/**
 * Which attribute a constraint is about (PS3.3 section 10.17, Selector Attribute Macro, with the Extended Selector
 * Attribute Macro's name, keyword and VR).
 *
 * @param attribute      Selector Attribute (0072,0026); empty when whole sequence items are selected
 * @param privateCreator Selector Attribute Private Creator (0072,0056); "" for a standard attribute
 * @param vr             Selector Attribute VR (0072,0050) as given, e.g. "DS" or "SQ"
 * @param name           Selector Attribute Name (0082,0018)
 * @param keyword        Selector Attribute Keyword (0082,0019); "" when absent
 * @param valueNumber    Selector Value Number (0072,0028): 1 for the first value, 0 for all values; empty when absent
 *                       (then all values are taken)
 * @param path           Selector Sequence Pointer (0072,0052) with its Items (0074,1057) and Private Creators
 *                       (0072,0054): the sequences to descend, outermost first; empty for a top-level attribute
 */
public record AttributeSelector(OptionalInt attribute, String privateCreator, String vr, String name, String keyword,
                                OptionalInt valueNumber, List<SequenceStep> path) {

    public AttributeSelector {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(privateCreator, "privateCreator");
        Objects.requireNonNull(vr, "vr");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(valueNumber, "valueNumber");
        path = List.copyOf(path);
    }

    /**
     * One level of the selector sequence path.
     *
     * @param sequence       the sequence's tag
     * @param item           which item: 1 for the first, 0 for every item
     * @param privateCreator the Private Creator of a private sequence tag; "" otherwise
     */
    public record SequenceStep(int sequence, int item, String privateCreator) {
        public SequenceStep {
            Objects.requireNonNull(privateCreator, "privateCreator");
        }

        @Override
        public String toString() {
            return ItemPath.name(sequence) + "[" + (item == 0 ? "*" : Integer.toString(item)) + "]";
        }
    }

    /**
     * What a selector found in a data set: one value per selected item (several when a path step takes every
     * item), or why nothing could be selected.
     *
     * @param values   the selected values; empty when {@code missing} says why
     * @param missing  why the selection is incomplete; "" when every selected item had the attribute
     */
    public record Selection(List<AttributeValue> values, String missing) {
        public Selection {
            values = List.copyOf(values);
            Objects.requireNonNull(missing, "missing");
        }

        public boolean complete() {
            return missing.isEmpty() && !values.isEmpty();
        }

        static Selection missing(String why) {
            return new Selection(List.of(), why);
        }
    }

    /** The path as text: {@code XAPlaneDetailsSequence[*].PrimaryPositionerScanArc}, values noted when chosen. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (SequenceStep step : path) {
            sb.append(step).append('.');
        }
        if (attribute.isPresent()) {
            sb.append(keyword.isEmpty() ? ItemPath.name(attribute.getAsInt()) : keyword);
        } else if (sb.length() > 0) {
            sb.setLength(sb.length() - 1);
        }
        if (valueNumber.isPresent() && valueNumber.getAsInt() > 1) {
            sb.append(" value ").append(valueNumber.getAsInt());
        }
        return sb.toString();
    }

    /**
     * Selects the attribute in {@code root} (a performed protocol element item, an image, a performed protocol):
     * descends the sequence path (resolving private tags through their creators), then reads the attribute's values.
     */
    public Selection select(DicomObject root) {
        List<DicomObject> level = List.of(root);
        for (SequenceStep step : path) {
            List<DicomObject> next = new ArrayList<>();
            for (DicomObject ds : level) {
                int tag = resolve(ds, step.sequence(), step.privateCreator());
                Sequence seq = tag == 0 ? null : ds.findSequence(tag).orElse(null);
                if (seq == null) {
                    return Selection.missing(ItemPath.name(step.sequence()) + " is absent");
                }
                if (step.item() == 0) {
                    next.addAll(seq.items());
                } else if (step.item() > seq.size()) {
                    return Selection.missing(ItemPath.name(step.sequence()) + " has " + seq.size()
                            + " item(s), item " + step.item() + " is selected");
                } else {
                    next.add(seq.item(step.item() - 1));
                }
            }
            if (next.isEmpty()) {
                return Selection.missing(ItemPath.name(step.sequence()) + " has no items");
            }
            level = next;
        }
        if (attribute.isEmpty()) {
            return Selection.missing("no Selector Attribute: whole items are selected, which has no value to compare");
        }
        List<AttributeValue> values = new ArrayList<>();
        for (DicomObject ds : level) {
            int tag = resolve(ds, attribute.getAsInt(), privateCreator);
            if (tag == 0 || !ds.contains(tag)) {
                return Selection.missing(describe() + " is absent");
            }
            AttributeValue v;
            try {
                v = valueOf(ds, tag);
            } catch (RuntimeException e) {
                return Selection.missing(describe() + " is unreadable: " + e.getMessage());
            }
            if (v.size() == 0) {
                return Selection.missing(describe() + " has no value");
            }
            int n = valueNumber.orElse(0);
            if (n > 0) {
                if (n > v.size()) {
                    return Selection.missing(describe() + " has " + v.size() + " value(s), value " + n
                            + " is selected");
                }
                v = v.coded() ? new AttributeValue(VR.SQ, List.of(), List.of(v.codes().get(n - 1)))
                        : new AttributeValue(v.vr(), List.of(v.values().get(n - 1)), List.of());
            }
            values.add(v);
        }
        return new Selection(values, "");
    }

    private static AttributeValue valueOf(DicomObject ds, int tag) {
        VR actual = ds.findVr(tag).orElse(VR.UN);
        if (actual == VR.SQ) {
            List<Code> codes = new ArrayList<>();
            for (DicomObject item : ds.items(tag)) {
                ProtocolReader.code(item).ifPresent(codes::add);
            }
            return new AttributeValue(VR.SQ, List.of(), codes);
        }
        if (actual.kind() == VR.Kind.BYTES || actual == VR.UN) {
            return new AttributeValue(actual, List.of(), List.of());
        }
        return new AttributeValue(actual, AttributeValue.texts(ds, tag, actual), List.of());
    }

    /**
     * The tag a possibly private tag has in {@code ds}: for a private data element, the block its creator reserved
     * there (PS3.5 section 7.8.1); 0 when the creator reserved no block. Standard tags are returned unchanged.
     */
    static int resolve(DicomObject ds, int tag, String creator) {
        if (!Tags.isPrivate(tag) || Tags.isPrivateCreator(tag) || creator.isEmpty()) {
            return tag;
        }
        int group = Tags.group(tag);
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = Tags.of(group, block);
            if (ds.contains(creatorTag) && creator.equals(Values.string(ds, creatorTag, ItemPath.ROOT, null).trim())) {
                return Tags.of(group, (block << 8) | (Tags.element(tag) & 0xFF));
            }
        }
        return 0;
    }
}
