package org.kerma.dicom.json;

import org.kerma.dicom.VR;

/**
 * A value that a writer is about to write as a BulkDataURI, handed to {@link BulkDataUris#uriFor}.
 *
 * @param path  where the attribute is in the document being written, e.g. {@code 7FE00010} or
 *              {@code 00880200.Value[0].7FE00010}
 * @param tag   the attribute's tag
 * @param vr    the attribute's VR
 * @param value the raw value: a {@code byte[]} (little endian), a {@link org.kerma.dicom.BulkData} or a
 *              {@link org.kerma.dicom.Fragments}
 */
public record BulkDataValue(String path, int tag, VR vr, Object value) {
}
