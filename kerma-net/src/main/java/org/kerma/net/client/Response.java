package org.kerma.net.client;

import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.net.Status;

/**
 * A peer's final answer to a request: its status, Error Comment, and the whole command set.
 *
 * @param status       Status (0000,0900)
 * @param errorComment Error Comment (0000,0902), or empty
 * @param command      the response command set
 */
public record Response(Status status, String errorComment, DicomObject command) {

    /** Reads a response command set whose Status the caller has checked is present. */
    static Response of(DicomObject command) {
        return new Response(Status.of(command.getInt(Tag.Status, 0)),
                command.getString(Tag.ErrorComment, ""), command);
    }
}
