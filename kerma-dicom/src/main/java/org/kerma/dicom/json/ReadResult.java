package org.kerma.dicom.json;

import java.util.List;
import org.kerma.dicom.DicomObject;

/**
 * A data set read from DICOM JSON or XML, with the bulk data references that were kept as such.
 *
 * @param dataset    the data set; an element whose value is a reference is present with an empty value
 * @param references the references, in document order; empty when every value was in the document or was a
 *                   {@code file:} reference in Kerma's form
 */
public record ReadResult(DicomObject dataset, List<BulkDataReference> references) {
    public ReadResult {
        references = List.copyOf(references);
    }
}
