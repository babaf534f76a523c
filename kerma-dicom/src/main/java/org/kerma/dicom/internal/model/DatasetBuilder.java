package org.kerma.dicom.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;
import org.kerma.dicom.json.BulkDataReference;
import org.kerma.dicom.json.BulkDataUris;

/**
 * Encodes the attributes a JSON or XML reader found into a {@link DicomObject}, the way the object's setters would:
 * strings through the data set's Specific Character Set (set first, whatever the document order), padded to even
 * length per VR; numbers in little endian; InlineBinary as is (padded), encapsulated Pixel Data as {@link Fragments};
 * a {@code file:} BulkDataURI in Kerma's form as {@link BulkData}, any other URI as a recorded
 * {@link BulkDataReference} with an empty value.
 *
 * <p>For the Native DICOM Model, a private data element written with block 00 ({@code gggg00ee}, whatever
 * {@code ee} is: 00 and 10-FF look like a Group Length or a Private Creator but are not, since a privateCreator is
 * given) and a privateCreator is placed in the block that creator reserves in the same item; when no element reserves it, the
 * lowest free block is reserved for it (a Private Creator element is added).
 *
 * <p>One instance per document; not thread-safe.
 */
public final class DatasetBuilder {
    private final List<BulkDataReference> references = new ArrayList<>();

    /** The references recorded so far, in document order. */
    public List<BulkDataReference> references() {
        return references;
    }

    /** Puts {@code attributes} into {@code target} (a new, empty data set or item). */
    public void fill(DicomObject target, List<Attribute> attributes) {
        List<Attribute> placed = placePrivateElements(attributes);
        placed.sort(Comparator.comparing(Attribute::tag, Integer::compareUnsigned));
        for (int i = 1; i < placed.size(); i++) {
            if (placed.get(i).tag() == placed.get(i - 1).tag()) {
                throw new ModelException(placed.get(i).path(), "attribute " + Tags.format(placed.get(i).tag())
                        + " appears more than once (also at " + placed.get(i - 1).path() + ")");
            }
        }
        for (Attribute a : placed) {
            if (a.tag() == Tag.SpecificCharacterSet) {
                put(target, a);
            }
        }
        for (Attribute a : placed) {
            if (a.tag() != Tag.SpecificCharacterSet) {
                put(target, a);
            }
        }
    }

    private void put(DicomObject target, Attribute a) {
        int tag = a.tag();
        VR vr = a.vr();
        if (Tags.isDelimiter(tag)) {
            throw new ModelException(a.path(), Tags.format(tag) + " is an item or delimitation tag, not an attribute");
        }
        if (vr == VR.SQ) {
            if (a.values() != null || a.inlineBinary() != null || a.bulkDataUri() != null) {
                throw new ModelException(a.path(), "an SQ attribute holds items only");
            }
            Sequence seq = target.newSequence(tag);
            if (a.items() != null) {
                for (List<Attribute> item : a.items()) {
                    fill(seq.addItem(), item);
                }
            }
            return;
        }
        if (a.items() != null) {
            throw new ModelException(a.path(), vr + " attribute has items; only SQ may");
        }
        if (a.bulkDataUri() != null) {
            Optional<BulkData> file = BulkDataUris.parseFileReference(a.bulkDataUri());
            if (file.isPresent()) {
                target.put(tag, vr, file.get());
            } else {
                references.add(new BulkDataReference(a.path(), tag, vr, a.bulkDataUri()));
                target.put(tag, vr, new byte[0]);
            }
        } else if (a.inlineBinary() != null) {
            putBytes(target, tag, vr, a.inlineBinary());
        } else if (a.values() != null) {
            putValues(target, a);
        } else {
            target.put(tag, vr, new byte[0]);
        }
    }

    private static void putBytes(DicomObject target, int tag, VR vr, byte[] bytes) {
        if (tag == Tag.PixelData) {
            Fragments fragments = Encapsulated.decode(bytes);
            if (fragments != null) {
                target.put(tag, vr, fragments);
                return;
            }
        }
        target.put(tag, vr, padded(bytes, vr));
    }

    private static byte[] padded(byte[] value, VR vr) {
        if ((value.length & 1) == 0) {
            return value;
        }
        byte[] even = java.util.Arrays.copyOf(value, value.length + 1);
        even[value.length] = vr.padding();
        return even;
    }

    private static void putValues(DicomObject target, Attribute a) {
        int tag = a.tag();
        VR vr = a.vr();
        if (vr.isString()) {
            String[] texts = a.values().stream().map(v -> v == null ? "" : v).toArray(String[]::new);
            try {
                target.putString(tag, vr, texts);
            } catch (IllegalArgumentException e) {
                throw new ModelException(a.path(), describe(tag) + ": " + e.getMessage(), e);
            }
        } else if (vr.kind() == VR.Kind.BINARY_NUMBER) {
            target.put(tag, vr, Numbers.encode(a.values(), vr, a.path()));
        } else if (vr == VR.AT) {
            target.put(tag, vr, Numbers.encodeTags(a.values(), a.path()));
        } else {
            throw new ModelException(a.path(), vr + " values must be given as InlineBinary or BulkDataURI");
        }
    }

    static String describe(int tag) {
        String keyword = Tags.isPrivate(tag) ? "" : ElementDictionary.standard().keywordOf(tag);
        return keyword.isEmpty() ? Tags.format(tag) : Tags.format(tag) + " " + keyword;
    }

    // ---- private blocks (Native DICOM Model) -------------------------------------------------------------------

    private static List<Attribute> placePrivateElements(List<Attribute> attributes) {
        Map<Integer, String> creators = new HashMap<>();
        for (Attribute a : attributes) {
            if (a.privateCreator() == null && Tags.isPrivateCreator(a.tag())) {
                boolean hasValue = a.values() != null && !a.values().isEmpty() && a.values().get(0) != null;
                creators.put(a.tag(), hasValue ? a.values().get(0).trim() : "");
            }
        }
        List<Attribute> placed = new ArrayList<>(attributes.size() + 1);
        for (Attribute a : attributes) {
            placed.add(a.privateCreator() == null ? a : place(a, creators, placed));
        }
        return placed;
    }

    private static Attribute place(Attribute a, Map<Integer, String> creators, List<Attribute> placed) {
        int tag = a.tag();
        String creator = a.privateCreator().trim();
        if (!Tags.isPrivate(tag)) {
            throw new ModelException(a.path(), "privateCreator '" + creator + "' given for " + Tags.format(tag)
                    + ", which is not in a private group");
        }
        int block = (tag >>> 8) & 0xFF;
        int group = tag & 0xFFFF0000;
        if (block != 0) {
            String reserved = creators.get(group | block);
            if (reserved != null && !reserved.equals(creator)) {
                throw new ModelException(a.path(), "privateCreator '" + creator + "' differs from '" + reserved
                        + "', the creator of block " + Tags.format(group | block));
            }
            return a;
        }
        for (int b = 0x10; b <= 0xFF; b++) {
            if (creator.equals(creators.get(group | b))) {
                return a.withTag(group | (b << 8) | (tag & 0xFF));
            }
        }
        for (int b = 0x10; b <= 0xFF; b++) {
            if (!creators.containsKey(group | b)) {
                creators.put(group | b, creator);
                placed.add(new Attribute(group | b, VR.LO, null, a.path() + " (Private Creator added for '"
                        + creator + "')", List.of(creator), null, null, null));
                return a.withTag(group | (b << 8) | (tag & 0xFF));
            }
        }
        throw new ModelException(a.path(), "no free private block in group " + String.format("%04X", group >>> 16)
                + " for privateCreator '" + creator + "'");
    }
}
