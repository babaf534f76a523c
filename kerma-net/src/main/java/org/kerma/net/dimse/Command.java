package org.kerma.net.dimse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.io.WriteOptions;

/**
 * A DIMSE command set received or to be sent on a presentation context (PS3.7 section 6.3 and Annex E), always
 * encoded in Implicit VR Little Endian with Command Group Length first.
 *
 * @param contextId the presentation context ID it travels on
 * @param elements  the command elements (group 0000)
 */
public record Command(int contextId, DicomObject elements) {

    public int field() {
        return elements.getInt(Tag.CommandField, -1);
    }

    public int messageId() {
        return elements.getInt(Tag.MessageID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return elements.getInt(Tag.MessageIDBeingRespondedTo, -1);
    }

    public boolean hasDataSet() {
        return elements.getInt(Tag.CommandDataSetType, CommandField.NO_DATA_SET) != CommandField.NO_DATA_SET;
    }

    public int status() {
        return elements.getInt(Tag.Status, -1);
    }

    public String affectedSopClassUid() {
        return elements.getString(Tag.AffectedSOPClassUID, "");
    }

    public String affectedSopInstanceUid() {
        return elements.getString(Tag.AffectedSOPInstanceUID, "");
    }

    public boolean isRequest() {
        return (field() & 0x8000) == 0;
    }

    /** "C-STORE-RQ #7 on context 3" for logs and errors. */
    public String describe() {
        int id = isRequest() ? messageId() : messageIdBeingRespondedTo();
        return CommandField.name(field()) + " #" + id + " on context " + contextId;
    }

    /** A new command set with the common elements of a request. */
    public static DicomObject request(int field, int messageId, String sopClassUid, boolean dataSet) {
        DicomObject c = new DicomObject();
        if (sopClassUid != null) {
            c.setString(Tag.AffectedSOPClassUID, sopClassUid);
        }
        c.setLong(Tag.CommandField, field);
        if (field == CommandField.C_CANCEL_RQ) {
            c.setLong(Tag.MessageIDBeingRespondedTo, messageId);
        } else {
            c.setLong(Tag.MessageID, messageId);
        }
        if (field != CommandField.C_ECHO_RQ && field != CommandField.C_CANCEL_RQ) {
            c.setLong(Tag.Priority, 0);
        }
        c.setLong(Tag.CommandDataSetType, dataSet ? 0x0000 : CommandField.NO_DATA_SET);
        return c;
    }

    /** A new response command set answering {@code rq}. */
    public static DicomObject response(Command rq, int status, boolean dataSet) {
        DicomObject c = new DicomObject();
        String sopClass = rq.affectedSopClassUid();
        if (!sopClass.isEmpty()) {
            c.setString(Tag.AffectedSOPClassUID, sopClass);
        }
        c.setLong(Tag.CommandField, rq.field() | 0x8000);
        c.setLong(Tag.MessageIDBeingRespondedTo, rq.messageId());
        c.setLong(Tag.CommandDataSetType, dataSet ? 0x0000 : CommandField.NO_DATA_SET);
        c.setLong(Tag.Status, status);
        String sopInstance = rq.affectedSopInstanceUid();
        if (!sopInstance.isEmpty()) {
            c.setString(Tag.AffectedSOPInstanceUID, sopInstance);
        }
        return c;
    }

    /** Encodes a command set in Implicit VR Little Endian with its Command Group Length (0000,0000). */
    public static byte[] encode(DicomObject command) {
        command.remove(Tag.CommandGroupLength);
        byte[] body = DicomWriter.encode(command, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        byte[] all = new byte[12 + body.length];
        all[4] = 4;
        int n = body.length;
        all[8] = (byte) n;
        all[9] = (byte) (n >> 8);
        all[10] = (byte) (n >> 16);
        all[11] = (byte) (n >> 24);
        System.arraycopy(body, 0, all, 12, body.length);
        return all;
    }

    /** Decodes a command set; {@code source} names the association and context in errors. */
    public static DicomObject decode(byte[] bytes, int length, String source) throws IOException {
        DicomObject c = DicomReader.readDataset(new ByteArrayInputStream(bytes, 0, length), source,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
        c.remove(Tag.CommandGroupLength);
        return c;
    }
}
