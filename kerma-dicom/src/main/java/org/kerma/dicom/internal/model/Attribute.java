package org.kerma.dicom.internal.model;

import java.util.List;
import org.kerma.dicom.VR;

/**
 * One attribute as a JSON or XML reader found it, before it is encoded into a {@link org.kerma.dicom.DicomObject}.
 * Exactly one kind of content is set: {@code values} (strings, number texts and nulls for empty values; PN values
 * already joined into their DICOM form), {@code items}, {@code inlineBinary}, {@code bulkDataUri}, or none (no
 * value).
 *
 * @param tag            the tag as written (for XML private elements possibly with block 00, see privateCreator)
 * @param vr             the VR as written
 * @param privateCreator the Native DICOM Model's privateCreator, or null
 * @param path           where the attribute is, for error messages
 * @param values         the values, or null
 * @param items          the sequence items, or null
 * @param inlineBinary   the decoded InlineBinary, or null
 * @param bulkDataUri    the BulkDataURI (or BulkData uri), or null
 */
public record Attribute(int tag, VR vr, String privateCreator, String path, List<String> values,
                        List<List<Attribute>> items, byte[] inlineBinary, String bulkDataUri) {

    /** True when the attribute has no value at all. */
    public boolean isEmpty() {
        return values == null && items == null && inlineBinary == null && bulkDataUri == null;
    }

    /** The same attribute at another tag (for private block assignment). */
    Attribute withTag(int newTag) {
        return new Attribute(newTag, vr, privateCreator, path, values, items, inlineBinary, bulkDataUri);
    }
}
