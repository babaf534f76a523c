package org.kerma.net.service;

import org.kerma.dicom.DicomObject;
import org.kerma.net.Association;

/**
 * A C-MOVE-RQ or C-GET-RQ.
 *
 * @param association the association it came on
 * @param messageId   its Message ID
 * @param sopClassUid the information model
 * @param identifier  the keys of what to retrieve
 * @param destination Move Destination AE title for C-MOVE; empty for C-GET
 */
public record RetrieveRequest(Association association, int messageId, String sopClassUid, DicomObject identifier,
                              String destination) {
}
