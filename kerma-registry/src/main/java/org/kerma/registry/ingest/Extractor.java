package org.kerma.registry.ingest;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;

/**
 * Reads the domain values of some classes of objects (dose report, image technique, protocol, validation) after
 * the object is archived and indexed, and keeps them in its own tables. Called on the ingesting thread, once per new
 * or replaced instance and for every instance on {@code kerma reindex}.
 *
 * <p>Each extractor runs in a transaction of its own, after the instance's index transaction has committed: the
 * object is already acknowledged-safe, and nothing an extractor does or throws can lose it. What it returns is
 * recorded as findings against the instance (under its {@link #name()}); what it throws rolls its transaction back
 * and is recorded as one ERROR finding with the exception's message.
 */
public interface Extractor {

    /** What it is, as findings name their source, e.g. {@code dose report}. */
    String name();

    /** The classes of objects it reads. */
    Set<ObjectClass> classes();

    /**
     * The tables it fills, in an order in which they can be emptied (referencing tables first); {@code kerma
     * reindex} empties them before the core tables.
     */
    default List<String> tables() {
        return List.of();
    }

    /**
     * Extracts from {@code dataset} (read up to Pixel Data; larger values are left in the file) and writes through
     * {@code c}. It first removes what it wrote for this instance before (a replaced copy); the findings it returned
     * then are removed by the caller.
     *
     * @return what it found wrong with the object (empty when nothing)
     * @throws Exception any failure, which becomes a finding naming this extractor and the message
     */
    List<Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) throws Exception;
}
