package org.kerma.registry.ingest;

import org.kerma.dicom.TransferSyntax;

/**
 * What a C-STORE request says about the data set that follows it (PS3.7 9.1.1.1): the data set arrives without
 * File Meta Information, so the archive builds it from these.
 *
 * @param affectedSopClassUid    Affected SOP Class UID (0000,0002)
 * @param affectedSopInstanceUid Affected SOP Instance UID (0000,1000)
 * @param transferSyntax         the transfer syntax of the presentation context the data set came on
 * @param calledAe               the called AE title (this node), written as Receiving AE Title (0002,0018)
 */
public record StoreRequest(String affectedSopClassUid, String affectedSopInstanceUid, TransferSyntax transferSyntax,
                           String calledAe) {
}
