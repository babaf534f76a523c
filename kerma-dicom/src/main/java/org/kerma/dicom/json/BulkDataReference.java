package org.kerma.dicom.json;

import org.kerma.dicom.VR;

/**
 * A BulkDataURI that a reader kept as a reference instead of a value: any URI other than a {@code file:} reference
 * in Kerma's form (see {@link BulkDataUris#fileReference}). Nothing is fetched; the element is present in the data
 * set with no value, and the caller may fetch the bytes and set them.
 *
 * @param path where the attribute is in the document (as in error messages)
 * @param tag  the attribute's tag
 * @param vr   the attribute's VR
 * @param uri  the URI exactly as given (for XML {@code <BulkData uuid=".."/>}: {@code urn:uuid:} and the uuid)
 */
public record BulkDataReference(String path, int tag, VR vr, String uri) {
}
