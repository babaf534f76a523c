package org.kerma.net.service;

import java.util.function.BooleanSupplier;
import org.kerma.dicom.DicomObject;
import org.kerma.net.Association;

/**
 * A C-FIND-RQ.
 *
 * @param association the association it came on
 * @param messageId   its Message ID
 * @param sopClassUid the information model (e.g. Study Root Query/Retrieve Information Model - FIND)
 * @param identifier  the query keys
 * @param cancelState true once a C-CANCEL for this request arrived
 */
public record FindRequest(Association association, int messageId, String sopClassUid, DicomObject identifier,
                          BooleanSupplier cancelState) {

    public boolean cancelled() {
        return cancelState.getAsBoolean();
    }
}
