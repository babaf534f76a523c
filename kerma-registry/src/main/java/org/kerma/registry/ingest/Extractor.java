package org.kerma.registry.ingest;

import org.kerma.dicom.DicomObject;
import org.kerma.registry.index.IndexedInstance;

/**
 * Reads the domain values of one class of objects (dose report, image technique, protocol, RT) after the object
 * is archived and indexed. Called on the ingesting thread, once per new or replaced instance.
 *
 * <p>Whatever an extractor throws is recorded as a finding against the instance, with its message; it never
 * rejects the object or undoes its archiving. Extractors come with the dose, protocol and RT issues.
 */
@FunctionalInterface
public interface Extractor {

    /**
     * Extracts from {@code dataset} (read up to Pixel Data; larger values are left in the file).
     *
     * @throws Exception any failure, which becomes a finding naming this extractor and the message
     */
    void extract(IndexedInstance instance, DicomObject dataset) throws Exception;
}
