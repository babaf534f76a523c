package org.kerma.registry.ingest;

import java.nio.file.Path;
import java.util.List;
import org.kerma.registry.index.ObjectClass;

/**
 * What the registry did with an object it accepted. Once a caller holds one, the object (or the copy it
 * duplicates) is durable in the archive and committed in the index: a C-STORE may be answered with Success.
 *
 * @param result         what happened
 * @param sopInstanceUid the instance
 * @param objectClass    its classification
 * @param file           the archived file that now holds this instance's content (for a dropped duplicate, the
 *                       first copy's file)
 * @param findings       the findings recorded against the instance during this ingest, each as "source: message"
 *                       (empty when none)
 */
public record IngestOutcome(Result result, String sopInstanceUid, ObjectClass objectClass, Path file,
                            List<String> findings) {

    /** How an object ended up. */
    public enum Result {
        /** A new instance: archived and indexed. */
        STORED,
        /** A copy identical to the archived one: counted, not stored again. */
        DUPLICATE_IDENTICAL,
        /** A different copy, policy keep-first: recorded, dropped. */
        DUPLICATE_KEPT_FIRST,
        /** A different copy, policy replace: archived in place of the first and indexed. */
        DUPLICATE_REPLACED,
        /** A different copy, policy keep-both: archived beside the first, recorded. */
        DUPLICATE_KEPT_BOTH;

        /** True for every kind of duplicate. */
        public boolean isDuplicate() {
            return this != STORED;
        }
    }
}
