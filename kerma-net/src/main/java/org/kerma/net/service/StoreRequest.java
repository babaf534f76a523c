package org.kerma.net.service;

import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.FileMetaInformation;
import org.kerma.net.Association;

/**
 * What a C-STORE-RQ says about the object it carries.
 *
 * @param association          the association it came on
 * @param messageId            Message ID of the request
 * @param sopClassUid          Affected SOP Class UID
 * @param sopInstanceUid       Affected SOP Instance UID
 * @param transferSyntax       the accepted transfer syntax of its presentation context: the data set's encoding
 * @param moveOriginatorAe     Move Originator AE title when the store is a C-MOVE sub-operation, else empty
 * @param moveOriginatorMessageId Move Originator Message ID, or -1
 */
public record StoreRequest(Association association, int messageId, String sopClassUid, String sopInstanceUid,
                           TransferSyntax transferSyntax, String moveOriginatorAe, int moveOriginatorMessageId) {

    public String callingAe() {
        return association.callingAe();
    }

    /**
     * File Meta Information for writing the received data set as a Part 10 file (PS3.10 section 7.1), with Source
     * Application Entity Title set to the calling AE.
     */
    public DicomObject fileMetaInformation() {
        DicomObject dataset = new DicomObject();
        dataset.setString(Tag.SOPClassUID, sopClassUid);
        dataset.setString(Tag.SOPInstanceUID, sopInstanceUid);
        DicomObject meta = FileMetaInformation.create(dataset, transferSyntax, null);
        meta.setString(Tag.SourceApplicationEntityTitle, association.callingAe());
        return meta;
    }

    /** {@link #fileMetaInformation()} with File Meta Information Group Length (0002,0000) first, as PS3.10 needs. */
    public DicomObject fileMetaInformationWithGroupLength() {
        DicomObject meta = fileMetaInformation();
        meta.remove(Tag.FileMetaInformationGroupLength);
        long length = org.kerma.dicom.io.DicomWriter.encode(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                org.kerma.dicom.io.WriteOptions.DEFAULT).length;
        meta.setLong(Tag.FileMetaInformationGroupLength, length);
        return meta;
    }
}
